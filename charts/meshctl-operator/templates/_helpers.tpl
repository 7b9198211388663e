{{/* The labels `meshctl operator init` puts on the operator's objects. */}}
{{- define "meshctl-operator.labels" -}}
app.kubernetes.io/managed-by: meshctl
app.kubernetes.io/part-of: meshctl-operator
{{- end }}
