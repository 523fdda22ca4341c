# azd postdeploy hook on Windows (azure.yaml, decision 0027). The work is done by onboard-shops.sh: tools/tenant and
# tools/twilio-webhooks are bash scripts, so applying profiles needs a POSIX shell (Git Bash or WSL) either way. This
# runs it with the first sh found; without one it prints the Twilio URLs when there is nothing to apply, and stops with
# the reason when there is.
$ErrorActionPreference = 'Stop'
$script = Join-Path $PSScriptRoot 'onboard-shops.sh'
$sh = Get-Command sh -ErrorAction SilentlyContinue
if ($sh) {
    & $sh.Source $script
    exit $LASTEXITCODE
}
if ($env:TENANT_PROFILES_DIR) {
    Write-Error "onboard-shops: TENANT_PROFILES_DIR is set, but applying profiles needs sh (Git Bash or WSL) on PATH: install one, then run ``azd hooks run postdeploy``."
    exit 1
}
if ($env:TWILIO_SET_WEBHOOKS -eq 'true') {
    Write-Error "onboard-shops: TWILIO_SET_WEBHOOKS=true needs TENANT_PROFILES_DIR: the numbers to set come from the profiles."
    exit 1
}
Write-Host "onboard-shops: TENANT_PROFILES_DIR is not set: no shop profiles applied."
Write-Host "Twilio console -> Phone Numbers -> your number -> Voice Configuration:"
Write-Host "  A call comes in (webhook, HTTP POST): $env:TWILIO_VOICE_URL"
Write-Host "  Primary handler fails (HTTP POST):    $env:TWILIO_FALLBACK_URL"
Write-Host "  Call status changes (HTTP POST):      $env:TWILIO_STATUS_CALLBACK_URL"
Write-Host "Messaging Configuration -> A message comes in (HTTP POST): $env:FUNCTIONS_URL/api/sms/incoming"
