#!/bin/sh
# azd postdeploy hook (azure.yaml, decision 0027): puts the shops on the phone once the app's code is live.
#   1. applies the tenant profiles in TENANT_PROFILES_DIR (a folder of profile *.yaml files, or one file) to the storage account
#      with `tools/tenant apply`, signed in as the operator (Storage Table Data Contributor, granted by infra);
#   2. prints each profile number's Twilio console settings with `tools/twilio-webhooks`, or, with
#      TWILIO_SET_WEBHOOKS=true, sets them through Twilio's API with the account's auth token read from Key Vault
#      (Key Vault Secrets User, granted by infra). The token is passed to that one command's environment only.
# Without TENANT_PROFILES_DIR it applies nothing and prints the function app's Twilio URLs.
# Everything is checked before anything is written: a missing tool or setting stops the hook with its name.
# Reads (azd environment): TENANT_PROFILES_DIR, TWILIO_SET_WEBHOOKS, VOICEAGENT_TOOLS_DIR (default: this repository's
# tools/), and main.bicep's outputs FUNCTIONS_URL, AZURE_STORAGE_ACCOUNT_NAME, AZURE_KEY_VAULT_NAME, TWILIO_*_URL and
# the parameter TWILIO_ACCOUNT_SID. Environment variables are UPPER_CASE, the script's own lower_case (a test relies on it).
# Run it by hand after `azd env get-values`: `azd hooks run postdeploy`.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
tools=${VOICEAGENT_TOOLS_DIR:-$root/tools}
# The Key Vault secret the apps read Twilio__AuthToken from (main.bicep, twilioAuthTokenSecretName).
token_secret=twilio-auth-token

# The token and SID reach twilio-webhooks only; nothing else this hook starts inherits them from azd's environment.
account_sid=${TWILIO_ACCOUNT_SID:-}
unset TWILIO_AUTH_TOKEN TWILIO_ACCOUNT_SID 2>/dev/null || true

fail() {
  printf 'onboard-shops: %s\n' "$*" >&2
  exit 1
}

note() {
  printf 'onboard-shops: %s\n' "$*"
}

# A relative TENANT_PROFILES_DIR is relative to the project (the folder of azure.yaml), where azd runs hooks.
cd "$root"

[ -n "${FUNCTIONS_URL:-}" ] || fail "FUNCTIONS_URL is not set (an output of infra/main.bicep): run \`azd provision\` first."

set_webhooks=$(printf '%s' "${TWILIO_SET_WEBHOOKS:-false}" | tr '[:upper:]' '[:lower:]')
case "$set_webhooks" in
  true | false) ;;
  *) fail "TWILIO_SET_WEBHOOKS must be true or false, not '${TWILIO_SET_WEBHOOKS}'." ;;
esac

profiles=${TENANT_PROFILES_DIR:-}
if [ -z "$profiles" ]; then
  [ "$set_webhooks" = false ] || fail "TWILIO_SET_WEBHOOKS=true needs TENANT_PROFILES_DIR: the numbers to set come from the profiles."
  note "TENANT_PROFILES_DIR is not set: no shop profiles applied (\`azd env set TENANT_PROFILES_DIR shops\`, then \`azd deploy\`)."
  echo "Twilio console → Phone Numbers → your number → Voice Configuration:"
  echo "  A call comes in (webhook, HTTP POST): ${TWILIO_VOICE_URL:-$FUNCTIONS_URL/api/voice/incoming}"
  echo "  Primary handler fails (HTTP POST):    ${TWILIO_FALLBACK_URL:-$FUNCTIONS_URL/api/voice/fallback}"
  echo "  Call status changes (HTTP POST):      ${TWILIO_STATUS_CALLBACK_URL:-$FUNCTIONS_URL/api/voice/status}"
  echo "Messaging Configuration → A message comes in (HTTP POST): $FUNCTIONS_URL/api/sms/incoming"
  exit 0
fi

# Preflight: every tool and setting the run needs, before anything is written.
[ -e "$profiles" ] || fail "TENANT_PROFILES_DIR '$profiles' does not exist (relative paths start at $root)."
for tool in tenant twilio-webhooks; do
  [ -f "$tools/$tool" ] && [ -x "$tools/$tool" ] || fail "tools/$tool not found or not executable at $tools/$tool (VOICEAGENT_TOOLS_DIR=$tools)."
done
[ -n "${AZURE_STORAGE_ACCOUNT_NAME:-}" ] || fail "AZURE_STORAGE_ACCOUNT_NAME is not set (an output of infra/main.bicep): run \`azd provision\` first."
if [ "$set_webhooks" = true ]; then
  command -v az >/dev/null 2>&1 || fail "TWILIO_SET_WEBHOOKS=true reads the Twilio auth token from Key Vault with the Azure CLI: az is not on PATH."
  [ -n "${AZURE_KEY_VAULT_NAME:-}" ] || fail "AZURE_KEY_VAULT_NAME is not set (an output of infra/main.bicep): run \`azd provision\` first."
  [ -n "$account_sid" ] || fail "TWILIO_SET_WEBHOOKS=true needs TWILIO_ACCOUNT_SID (\`azd env set TWILIO_ACCOUNT_SID AC…\`, then \`azd provision\`)."
fi

# The numbers first: a profile that does not parse stops the hook before anything is applied.
numbers=$("$tools/tenant" numbers "$profiles") || fail "\`tools/tenant numbers $profiles\` failed: fix the profiles (\`tools/tenant validate $profiles\`)."
set -f
# shellcheck disable=SC2086 # one E.164 number per line, no spaces: split into arguments
set -- $numbers
set +f
for number in "$@"; do
  case "$number" in
    +[1-9]*) ;;
    *) fail "\`tools/tenant numbers\` printed '$number', not an E.164 number." ;;
  esac
done

token=""
if [ "$set_webhooks" = true ] && [ $# -gt 0 ]; then
  token=$(az keyvault secret show --vault-name "$AZURE_KEY_VAULT_NAME" --name "$token_secret" --query value --output tsv) ||
    fail "could not read secret '$token_secret' from Key Vault '$AZURE_KEY_VAULT_NAME' with az (sign in with \`az login\` as the principal azd uses: infra grants it Key Vault Secrets User, and a new role can take minutes to apply)."
  [ -n "$token" ] || fail "secret '$token_secret' in Key Vault '$AZURE_KEY_VAULT_NAME' is empty: set it (README, \"Deploy to Azure\")."
fi

"$tools/tenant" apply "$profiles" --account "$AZURE_STORAGE_ACCOUNT_NAME" ||
  fail "\`tools/tenant apply $profiles --account $AZURE_STORAGE_ACCOUNT_NAME\` failed (the signed-in principal needs Storage Table Data Contributor on the account; infra grants it to AZURE_PRINCIPAL_ID)."
note "applied the tenant profiles in $profiles to storage account $AZURE_STORAGE_ACCOUNT_NAME."

if [ $# -eq 0 ]; then
  note "the profiles list no phone numbers: no Twilio webhooks to print or set."
  exit 0
fi

if [ "$set_webhooks" = true ]; then
  TWILIO_ACCOUNT_SID=$account_sid TWILIO_AUTH_TOKEN=$token "$tools/twilio-webhooks" --app-url "$FUNCTIONS_URL" --set "$@" ||
    fail "\`tools/twilio-webhooks --set\` failed: the profiles are applied; fix the cause and run \`azd hooks run postdeploy\` again."
  note "set the Twilio webhooks of $# number(s) to $FUNCTIONS_URL."
else
  "$tools/twilio-webhooks" --app-url "$FUNCTIONS_URL" "$@" || fail "\`tools/twilio-webhooks\` failed."
  note "paste these into the Twilio console, or \`azd env set TWILIO_SET_WEBHOOKS true\` and \`azd deploy\` to set them."
fi
echo "Texts (STOP, START, HELP): Messaging Configuration → A message comes in (HTTP POST): $FUNCTIONS_URL/api/sms/incoming"
