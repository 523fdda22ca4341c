// VoiceAgent staff dashboard: reads the staff API with the page's sign-in, and live call events from Web PubSub
// (or the local fan-out that speaks its client protocol). Everything from the server is inserted as text, never HTML.
"use strict";

const api = (path, options = {}) => fetch(path, { credentials: "same-origin", headers: { Accept: "application/json", ...(options.headers || {}) }, ...options })
  .then(async response => {
    if (response.status === 401) { location.assign("/api/dashboard/sign-in"); throw new Error("signed out"); }
    if (!response.ok) { throw new Error(`${path}: HTTP ${response.status}`); }
    return response.status === 204 ? null : response.json();
  });

const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value; else if (key === "text") node.textContent = value; else if (key.startsWith("data-")) node.setAttribute(key, value); else node[key] = value;
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
};

const time = iso => iso ? new Date(iso).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", timeZone: state.me.timeZone }) : "";
const dateTime = iso => iso ? new Date(iso).toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: state.me.timeZone }) : "";
const ms = value => value == null ? null : el("span", { class: "ms", text: `${Math.round(value)} ms` });
const flags = list => (list || []).map(flag => el("span", { class: "flag", text: flag.replaceAll("-", " ") }));

const state = { me: null, live: new Map(), socket: null, retry: 0 };

// ---- live calls -----------------------------------------------------------------------------------------------
function liveCall(callSid, who) {
  let call = state.live.get(callSid);
  if (!call) {
    const list = el("ul", { class: "transcript" });
    const node = el("div", { class: "live-call", "data-call": callSid, "data-testid": "live-call" }, el("h3", { text: who || "Caller" }), list);
    call = { node, list, interim: null, reply: null, ended: false };
    state.live.set(callSid, call);
    document.getElementById("live-calls").prepend(node);
    document.getElementById("no-live").hidden = true;
  } else if (who) {
    call.node.querySelector("h3").textContent = who;
  }
  return call;
}

function addLine(call, kind, text, extra) {
  if (kind === "caller" && call.interim) { call.interim.remove(); call.interim = null; }
  const line = el("li", { class: kind, text }, extra);
  call.list.append(line);
  if (kind === "agent" && !call.reply) call.reply = line; // the first line of the agent's answer
  if (kind === "caller") call.reply = null;
}

function onEvent(event) {
  if (!event || !event.callSid) return;
  const call = liveCall(event.callSid, event.type === "callStarted" ? (event.customerFirstName || "Caller") + (event.transport ? ` · ${event.transport}` : "") : null);
  switch (event.type) {
    case "transcript":
      if (event.final) addLine(call, "caller", event.text);
      else { if (!call.interim) { call.interim = el("li", { class: "caller interim" }); call.list.append(call.interim); } call.interim.textContent = event.text; }
      break;
    case "agentSentence": addLine(call, "agent", event.text); break;
    case "toolCall": if (!event.finished) addLine(call, "system", `checking: ${event.tool}`); break;
    case "bargeIn": addLine(call, "system", "caller cut in"); break;
    case "turnLatency":
      // A turn's latency comes once its first words are out: it belongs to the agent's first line after the caller's.
      if (call.reply && !call.reply.querySelector(".ms")) call.reply.append(ms(event.milliseconds));
      break;
    case "transfer": addLine(call, "system", `handed to ${event.department}`); break;
    case "callStarted": setTimeout(() => loadCalls().catch(() => {}), 500); break;
    case "callEnded":
      call.ended = true;
      call.node.classList.add("ended");
      addLine(call, "system", `call ended (${event.reason})`);
      setTimeout(() => { call.node.remove(); state.live.delete(event.callSid); document.getElementById("no-live").hidden = state.live.size > 0; }, 15000);
      setTimeout(() => { loadCalls().catch(() => {}); loadBook().catch(() => {}); loadMessages().catch(() => {}); }, 1500);
      break;
  }
}

async function loadLiveCalls() {
  // Calls already under way when the page opened: their transcript so far, then the events carry on from there.
  const recent = await api(`/api/tenants/${state.me.tenantId}/calls?days=1&limit=50`);
  const cutoff = Date.now() - 2 * 3600 * 1000;
  for (const c of recent.filter(c => !c.endedAt && new Date(c.startedAt).getTime() > cutoff && !state.live.has(c.callSid))) {
    const detail = await api(`/api/tenants/${state.me.tenantId}/calls/${encodeURIComponent(c.callSid)}`);
    const call = liveCall(c.callSid, c.customerFirstName || c.callerNumber);
    for (const turn of detail.turns) {
      if (turn.caller) addLine(call, "caller", turn.caller);
      if (turn.agent) addLine(call, "agent", turn.agent, turn.turn > 0 ? ms(turn.milliseconds) : null);
    }
  }
}

function setConnection(text, kind) {
  const badge = document.getElementById("connection");
  badge.textContent = text;
  badge.className = `badge ${kind}`;
}

async function connect() {
  let access;
  try {
    access = await api(`/api/tenants/${state.me.tenantId}/live-events`);
  } catch (error) {
    setConnection("live view off: refreshing", "off");
    setTimeout(refreshAll, 10000);
    return;
  }
  const socket = new WebSocket(access.url);
  state.socket = socket;
  socket.onopen = () => { state.retry = 0; setConnection("live", "live"); };
  socket.onmessage = message => { try { onEvent(JSON.parse(message.data)); } catch { /* not an event */ } };
  socket.onclose = () => {
    setConnection("reconnecting…", "off");
    const delay = Math.min(30000, 1000 * 2 ** state.retry++);
    setTimeout(() => { loadLiveCalls().catch(() => {}); connect(); }, delay);
  };
}

// ---- book, calls, messages ------------------------------------------------------------------------------------
async function loadBook() {
  const { tenantId, today, tomorrow } = state.me;
  const book = await api(`/api/tenants/${tenantId}/appointments?from=${today}&to=${tomorrow}`);
  for (const [id, day] of [["today", today], ["tomorrow", tomorrow]]) {
    const rows = book.filter(a => a.start.startsWith(day)).map(a => el("tr", {},
      el("td", { text: time(a.start) }), el("td", { text: a.service }), el("td", { text: a.customerName }),
      el("td", { class: "optional", text: a.vehicle || "" }), el("td", { text: a.status }),
      el("td", { text: a.reminder.outcome + (a.reminder.attempts > 1 ? ` (${a.reminder.attempts} tries)` : "") })));
    document.getElementById(id).replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colSpan: 6, class: "empty", text: "No appointments." }))]));
    document.getElementById(`${id}-title`).textContent = `${id === "today" ? "Today" : "Tomorrow"}, ${day}`;
  }
}

async function loadCalls() {
  const query = new URLSearchParams({ days: "30", limit: "100" });
  const number = document.getElementById("filter-number").value.trim();
  const outcome = document.getElementById("filter-outcome").value;
  if (number) query.set("number", number);
  if (outcome) query.set("outcome", outcome);
  if (document.getElementById("filter-flagged").checked) query.set("flagged", "true");
  const calls = await api(`/api/tenants/${state.me.tenantId}/calls?${query}`);
  const rows = calls.map(c => {
    const row = el("tr", { class: "clickable", "data-testid": "call-row", "data-call": c.callSid },
      el("td", { text: dateTime(c.startedAt) }),
      el("td", { text: (c.customerFirstName ? `${c.customerFirstName} · ` : "") + c.callerNumber }),
      el("td", { text: c.endedAt ? (c.outcome || c.status) : "on the phone" }),
      el("td", { class: "summary", text: c.summary || "" }),
      el("td", {}, ...flags(c.flags)));
    row.addEventListener("click", () => showCall(c.callSid));
    return row;
  });
  document.getElementById("call-list").replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colSpan: 5, class: "empty", text: "No calls match." }))]));
}

async function showCall(callSid) {
  const detail = await api(`/api/tenants/${state.me.tenantId}/calls/${encodeURIComponent(callSid)}`);
  const c = detail.call;
  const transcript = el("ul", { class: "transcript" });
  for (const turn of detail.turns) {
    if (turn.caller) transcript.append(el("li", { class: "caller", text: turn.caller }));
    if (turn.agent) transcript.append(el("li", { class: "agent", text: turn.agent }, turn.turn > 0 ? ms(turn.milliseconds) : null));
  }
  const panel = document.getElementById("call-detail");
  panel.replaceChildren(
    el("h3", { text: `${dateTime(c.startedAt)} · ${c.customerFirstName || c.callerNumber} · ${c.outcome || c.status}` }),
    el("p", { "data-testid": "call-summary", text: c.summary || "No summary yet." }),
    c.sentiment ? el("p", { class: "meta", text: `caller seemed ${c.sentiment} (the model's reading)` }) : null,
    el("p", {}, ...flags(c.flags), c.slowestTurnMilliseconds != null ? el("span", { class: "meta", text: `slowest turn ${Math.round(c.slowestTurnMilliseconds)} ms` }) : null),
    transcript,
    ...detail.messagesForStaff.map(m => el("p", { class: "meta", text: `Message for staff: ${m}` })));
  panel.hidden = false;
}

async function loadMessages() {
  const messages = await api(`/api/tenants/${state.me.tenantId}/messages`);
  const items = messages.map(m => {
    const button = el("button", { type: "button", text: m.done ? "Reopen" : "Mark done" });
    button.addEventListener("click", async () => {
      await api(`/api/tenants/${state.me.tenantId}/messages/${encodeURIComponent(m.callSid)}/${m.index}`, {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ done: !m.done }) });
      await loadMessages();
    });
    return el("li", { class: m.done ? "done" : "", "data-testid": "message" },
      el("div", {}, el("div", { class: "text", text: m.text }), el("div", { class: "meta", text: `${dateTime(m.at)} · ${m.customerFirstName || m.callerNumber}` })),
      button);
  });
  document.getElementById("message-list").replaceChildren(...items);
  document.getElementById("no-messages").hidden = items.length > 0;
  const open = messages.filter(m => !m.done).length;
  document.getElementById("open-messages").textContent = open ? `(${open})` : "";
}

async function refreshAll() {
  await Promise.all([loadBook(), loadCalls(), loadMessages()]);
  if (!state.socket) { await loadLiveCalls(); setTimeout(refreshAll, 10000); }
}

async function start() {
  state.me = await api("/api/staff/me");
  document.getElementById("shop").textContent = state.me.shopName;
  document.getElementById("who").textContent = state.me.name;
  document.getElementById("call-filter").addEventListener("submit", event => { event.preventDefault(); loadCalls(); });
  await Promise.all([loadBook(), loadCalls(), loadMessages(), loadLiveCalls()]);
  connect();
  setInterval(() => { loadBook().catch(() => {}); loadMessages().catch(() => {}); }, 60000);
}

start().catch(error => setConnection(error.message, "off"));
