#!/bin/sh
# Issue 24: prints a credential, then fails; meshctl must not print the credential.
echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"SECRET-TOKEN-24"}}'
exit 3
