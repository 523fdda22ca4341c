#!/usr/bin/env node
// Reference oracle for VoiceAgent.Conformance.Tests: answers with Twilio's official helper library
// (npm `twilio`, pinned in the root package.json), never with our own code.
//
// stdin:  a JSON array of requests; stdout: a JSON array of results, in the same order.
//   { "op": "sign",         "token", "url", "params": [[name, value], ...] } -> { "signature" }
//   { "op": "validate",     "token", "url", "params", "signature" }         -> { "valid" }
//   { "op": "validateBody", "token", "url", "body", "signature" }           -> { "valid" }
//   { "op": "twiml",        "calls": [Call, ...] }                          -> { "xml" }
//   { "op": "selfCheck" }  -> { "samePublicApi": true } when the modules used here are what `require("twilio")` exposes
// A Call is { "call": "<VoiceResponse method>", "attributes"?: {...}, "text"?: "...", "children"?: [Call, ...] }
// and is applied literally to the library's builder: node[call](attributes, text), then its children on the result.
"use strict";

const path = require("path");

// The two modules the package's index re-exports as `twilio.getExpectedTwilioSignature`/`twilio.validateRequest`/
// `twilio.validateRequestWithBody` and `twilio.twiml.VoiceResponse`; loading them directly skips the REST client
// (a third of a second instead of a second per run).
const root = process.env.VOICEAGENT_REPO_ROOT || path.resolve(__dirname, "../../..");
const load = (module) => require(require.resolve(module, { paths: [root] }));
const webhooks = load("twilio/lib/webhooks/webhooks");
const VoiceResponse = load("twilio/lib/twiml/VoiceResponse");

// Form parameters the way an Express/body-parser request presents them: a repeated name becomes an array.
function toParams(pairs) {
  const params = Object.create(null);
  for (const [name, value] of pairs || []) {
    if (!(name in params)) {
      params[name] = value;
    } else if (Array.isArray(params[name])) {
      params[name].push(value);
    } else {
      params[name] = [params[name], value];
    }
  }
  return params;
}

function applyCalls(node, calls) {
  for (const { call, attributes, text, children } of calls || []) {
    if (typeof node[call] !== "function") {
      throw new Error(`the library's ${node.constructor.name} has no ${call}()`);
    }
    const child = text === undefined ? node[call](attributes || {}) : node[call](attributes || {}, text);
    applyCalls(child, children);
  }
}

function answer(request) {
  switch (request.op) {
    case "sign":
      return { signature: webhooks.getExpectedTwilioSignature(request.token, request.url, toParams(request.params)) };
    case "validate":
      return { valid: webhooks.validateRequest(request.token, request.signature, request.url, toParams(request.params)) };
    case "validateBody":
      return { valid: webhooks.validateRequestWithBody(request.token, request.signature, request.url, request.body) };
    case "twiml": {
      const response = new VoiceResponse();
      applyCalls(response, request.calls);
      return { xml: response.toString() };
    }
    case "selfCheck": {
      const twilio = load("twilio");
      return {
        samePublicApi:
          twilio.getExpectedTwilioSignature === webhooks.getExpectedTwilioSignature &&
          twilio.validateRequest === webhooks.validateRequest &&
          twilio.validateRequestWithBody === webhooks.validateRequestWithBody &&
          twilio.twiml.VoiceResponse === VoiceResponse,
        version: load("twilio/package.json").version,
      };
    }
    default:
      throw new Error(`unknown op ${request.op}`);
  }
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const results = JSON.parse(input).map(answer);
  process.stdout.write(JSON.stringify(results));
});
