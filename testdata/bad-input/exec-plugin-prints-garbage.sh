#!/bin/sh
# Issue 24: prints something that is not an ExecCredential, holding a token.
echo 'token: SECRET-TOKEN-24 ['
