// The admin console: every action goes through the same public API as curl. No user-supplied text is
// ever inserted as HTML: every cell is set with textContent, and through shown() first.
"use strict";

const TOKEN_KEY = "whitelabel.adminToken";
const PER_PAGE = 20;
const $ = (id) => document.getElementById(id);
const state = { usersPage: 1, search: "", auditPage: 1, sessionsPage: 1, user: null, platform: null };

const PLAIN_WORDS = {
  401: "That token is not valid: it is unknown, expired or revoked. Sign in again with a valid admin token.",
  403: "That token does not belong to a white-label admin.",
  503: "The service is unavailable right now. Try again in a moment."
};

class ApiError extends Error {
  constructor(status, text) { super(text); this.status = status; }
}

// the answer to a request with the admin's token, refused as an ApiError unless it is a success
async function send(method, path, body) {
  const headers = { "Authorization": "Bearer " + sessionStorage.getItem(TOKEN_KEY) };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, "The server could not be reached.");
  }
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    const words = PLAIN_WORDS[response.status] || json.error || json.message || ("Something went wrong (HTTP " + response.status + ").");
    throw new ApiError(response.status, words);
  }
  return { response, json };
}

async function api(method, path, body) {
  return (await send(method, path, body)).json;
}

function show(section) {
  for (const id of ["sign-in", "users", "user", "clients", "webhooks", "streams", "audit", "settings", "sessions"]) $(id).hidden = id !== section;
  $("nav").hidden = section === "sign-in";
}

function say(message) {
  $("problem").hidden = true;
  $("notice").textContent = message;
  $("notice").hidden = !message;
}

function fail(error) {
  $("notice").hidden = true;
  $("problem").textContent = error.message;
  $("problem").hidden = false;
  if (error.status === 401 || error.status === 403) signOut(false);
}

// The server refuses names that cannot be shown honestly, but rows written before it did may hold
// them: an invisible or direction-changing character is shown as its code (a right-to-left override
// would make "Ann\u202Egnp.exe" read "Annexe.png"), and a stack of combining marks is cut at
// Unicode's stream-safe 30, so that it cannot draw over the rows around it.
const MAX_MARKS = 30;
const HIDDEN = /^[\p{Cf}\p{Zl}\p{Zp}\p{Cs}]$/u;
const BLANK = new Set([0x115f, 0x1160, 0x3164, 0xffa0, 0x2800, 0x034f, 0x17b4, 0x17b5]);
const MARK = /^\p{M}$/u;
const EMOJI = /^\p{So}$/u;
const JOINING_SCRIPT = new RegExp("^[" + ["Arabic", "Syriac", "Nko", "Mongolian", "Devanagari", "Bengali", "Gurmukhi",
  "Gujarati", "Oriya", "Tamil", "Telugu", "Kannada", "Malayalam", "Sinhala", "Myanmar", "Khmer", "Tibetan"]
  .map((script) => "\\p{Script=" + script + "}").join("") + "]$", "u");

// The same rule as the server's DisplayName: a joiner between two letters of a script that spells
// with it, or a zero-width joiner inside an emoji sequence.
function joinsHere(chars, i) {
  if (i === 0 || i === chars.length - 1) return false;
  const before = chars[i - 1];
  const after = chars[i + 1];
  const code = before.codePointAt(0);
  if (chars[i] === "\u200d" && EMOJI.test(after)
    && (EMOJI.test(before) || code === 0xfe0f || (code >= 0x1f3fb && code <= 0x1f3ff))) return true;
  return JOINING_SCRIPT.test(before) && JOINING_SCRIPT.test(after);
}

function shown(text) {
  const chars = Array.from(text);
  let out = "";
  let marks = 0;
  let cut = 0;
  const flush = () => { if (cut > 0) out += "\u27e8+" + cut + " marks\u27e9"; cut = 0; };
  chars.forEach((c, i) => {
    const code = c.codePointAt(0);
    const joiner = code === 0x200c || code === 0x200d;
    const hidden = joiner ? !joinsHere(chars, i)
      : HIDDEN.test(c) || BLANK.has(code) || (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe;
    if (hidden) {
      flush();
      marks = 0;
      out += "\u27e8U+" + code.toString(16).toUpperCase().padStart(4, "0") + "\u27e9";
      return;
    }
    // a joiner draws nothing: marks on either side of it stack on the same character
    if (!joiner) marks = MARK.test(c) ? marks + 1 : 0;
    if (marks > MAX_MARKS) { cut++; return; }
    flush();
    out += c;
  });
  flush();
  return out;
}

function cell(row, text) {
  const td = document.createElement("td");
  td.textContent = text === null || text === undefined ? "" : shown(String(text));
  row.appendChild(td);
  return td;
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : "";
}

function button(row, label, onClick, danger) {
  const td = cell(row, "");
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  if (danger) b.className = "danger";
  b.addEventListener("click", onClick);
  td.appendChild(b);
}

function tokensRevoked(count) {
  return count + (count === 1 ? " token" : " tokens") + " revoked.";
}

function pager(prefix, meta) {
  $(prefix + "-page").textContent = "Page " + meta.current_page + " of " + meta.last_page + " (" + meta.total + ")";
  $(prefix + "-prev").disabled = meta.current_page <= 1;
  $(prefix + "-next").disabled = meta.current_page >= meta.last_page;
}

// the table body `id`, drawn again: a row per item, filled by draw(row, item)
function fillRows(id, items, draw) {
  const rows = $(id);
  rows.replaceChildren();
  for (const item of items) {
    const row = document.createElement("tr");
    draw(row, item);
    rows.appendChild(row);
  }
}

// the last item of the last page removed: moves state[pageKey] to the page that is last now, and says so
function pastLastPage(page, pageKey) {
  if (page.data.length > 0 || state[pageKey] <= 1 || state[pageKey] <= page.meta.last_page) return false;
  state[pageKey] = Math.max(1, page.meta.last_page);
  return true;
}

function isDead(token) {
  return token.revoked_at || (token.expires_at && new Date(token.expires_at) <= new Date());
}

// a token's abilities, life and device, as both token tables show them
function tokenCells(row, token) {
  cell(row, token.abilities.join(" ")).className = "abilities";
  cell(row, when(token.created_at));
  cell(row, when(token.last_used_at));
  cell(row, token.device_name);
  cell(row, token.user_agent).className = "agent";
  cell(row, token.ip_address);
  cell(row, token.last_used_ip);
  cell(row, when(token.expires_at));
  cell(row, when(token.revoked_at));
}

async function loadUsers() {
  const query = "?page=" + state.usersPage + "&per_page=" + PER_PAGE + (state.search ? "&search=" + encodeURIComponent(state.search) : "");
  const page = await api("GET", "/api/white-label/users" + query);
  if (pastLastPage(page, "usersPage")) return loadUsers();
  fillRows("user-rows", page.data, (row, user) => {
    if (user.disabled_at) row.className = "disabled";
    cell(row, user.id);
    cell(row, user.name);
    cell(row, user.email);
    cell(row, when(user.created_at));
    cell(row, user.disabled_at ? "disabled since " + when(user.disabled_at) : "active");
    button(row, "Open", () => openUser(user).catch(fail));
    if (user.disabled_at) button(row, "Enable", () => enableUser(user).catch(fail));
    else button(row, "Disable", () => disableUser(user).catch(fail), true);
    button(row, "Delete", () => deleteUser(user).catch(fail), true);
  });
  pager("users", page.meta);
  show("users");
}

async function disableUser(user) {
  const result = await api("POST", "/api/white-label/users/" + user.id + "/disable");
  say(result.message + " " + tokensRevoked(result.revoked_tokens));
  await loadUsers();
}

async function enableUser(user) {
  const result = await api("POST", "/api/white-label/users/" + user.id + "/enable");
  say(result.message);
  await loadUsers();
}

async function deleteUser(user) {
  if (!window.confirm("Delete " + shown(user.name) + " <" + user.email + ">? Every token of theirs ends and their personal data is removed.")) return;
  const result = await api("DELETE", "/api/white-label/users/" + user.id);
  say(result.message + " " + tokensRevoked(result.revoked_tokens));
  await loadUsers();
}

async function openUser(user) {
  state.user = user;
  $("user-title").textContent = shown(user.name) + " <" + user.email + ">";
  $("confirm").hidden = true;
  await loadTokens();
  show("user");
}

async function loadTokens() {
  const page = await api("GET", "/api/white-label/users/" + state.user.id + "/tokens?per_page=100");
  fillRows("token-rows", page.data, (row, token) => {
    const dead = isDead(token);
    if (dead) row.className = "revoked";
    cell(row, token.id);
    cell(row, token.name);
    tokenCells(row, token);
    if (dead) cell(row, ""); else button(row, "Revoke", () => revoke(token).catch(fail), true);
  });
}

async function revoke(token) {
  const result = await api("POST", "/api/white-label/logout", { user_id: state.user.id, token_id: token.id });
  say(result.revoked_tokens === 1 ? "Token revoked." : "That token was already revoked.");
  await loadTokens();
}

async function logoutAll() {
  $("confirm").hidden = true;
  const result = await api("POST", "/api/white-label/logout", { user_id: state.user.id });
  say("Logged out: " + tokensRevoked(result.revoked_tokens));
  await loadTokens();
}

async function loadClients() {
  const listing = await api("GET", "/api/white-label/service-clients");
  fillRows("client-rows", listing.service_clients, (row, client) => {
    cell(row, client.id);
    cell(row, client.name);
    cell(row, client.client_id);
    cell(row, when(client.created_at));
    button(row, "Delete", () => deleteClient(client).catch(fail), true);
  });
  show("clients");
}

async function createClient() {
  const created = await api("POST", "/api/white-label/service-clients", { name: $("client-name").value });
  $("client-name").value = "";
  $("new-client-id").textContent = created.service_client.client_id;
  $("new-client-secret").textContent = created.service_client.client_secret;
  $("client-secret").hidden = false;
  say("Service client created.");
  await loadClients();
}

async function deleteClient(client) {
  if (!window.confirm("Delete " + shown(client.name) + "? Its requests are refused at once.")) return;
  await api("DELETE", "/api/white-label/service-clients/" + client.id);
  $("client-secret").hidden = true;
  say("Service client deleted.");
  await loadClients();
}

async function loadWebhooks() {
  const listing = await api("GET", "/api/white-label/webhooks");
  fillRows("webhook-rows", listing.webhooks, (row, webhook) => {
    cell(row, webhook.id);
    cell(row, webhook.url);
    cell(row, webhook.events.join(", "));
    cell(row, when(webhook.created_at));
    cell(row, webhookStatus(webhook));
    button(row, "Deliveries", () => loadDeliveries(webhook).catch(fail));
    if (webhook.disabled_at) button(row, "Enable", () => enableWebhook(webhook).catch(fail)); else cell(row, "");
    button(row, "Delete", () => deleteWebhook(webhook).catch(fail), true);
  });
  show("webhooks");
}

// the service disables an endpoint that has done nothing but fail for days; its deliveries wait
function webhookStatus(webhook) {
  if (webhook.disabled_at) return "disabled since " + when(webhook.disabled_at) + ": failing since " + when(webhook.failing_since);
  if (webhook.failing_since) return "failing since " + when(webhook.failing_since);
  return "active";
}

async function enableWebhook(webhook) {
  const result = await api("POST", "/api/white-label/webhooks/" + webhook.id + "/enable");
  say(result.message + " " + result.resumed_deliveries + (result.resumed_deliveries === 1 ? " delivery" : " deliveries") + " due now.");
  await loadWebhooks();
}

async function createWebhook() {
  const created = await api("POST", "/api/white-label/webhooks", { url: $("webhook-url").value });
  $("webhook-url").value = "";
  $("new-webhook-secret").textContent = created.webhook.secret;
  $("webhook-secret").hidden = false;
  say("Webhook created.");
  await loadWebhooks();
}

async function deleteWebhook(webhook) {
  if (!window.confirm("Delete the webhook to " + webhook.url + "? Nothing more is sent to it.")) return;
  await api("DELETE", "/api/white-label/webhooks/" + webhook.id);
  $("webhook-secret").hidden = true;
  $("deliveries").hidden = true;
  say("Webhook deleted.");
  await loadWebhooks();
}

async function loadDeliveries(webhook) {
  const page = await api("GET", "/api/white-label/webhooks/" + webhook.id + "/deliveries?per_page=" + PER_PAGE);
  $("deliveries-title").textContent = webhook.url;
  fillRows("delivery-rows", page.data, (row, delivery) => {
    if (delivery.failed_at) row.className = "revoked";
    cell(row, delivery.event_id);
    cell(row, delivery.type);
    cell(row, delivery.attempts);
    cell(row, delivery.last_status !== null ? "HTTP " + delivery.last_status : (delivery.last_error || ""));
    cell(row, when(delivery.next_attempt_at));
    cell(row, when(delivery.delivered_at));
    cell(row, when(delivery.failed_at));
    if (delivery.delivered_at) cell(row, ""); else button(row, "Retry now", () => retryDelivery(webhook, delivery).catch(fail));
  });
  $("deliveries").hidden = false;
}

async function retryDelivery(webhook, delivery) {
  await api("POST", "/api/white-label/webhooks/" + webhook.id + "/deliveries/" + delivery.id + "/retry");
  say("Delivery due again now.");
  await loadDeliveries(webhook);
}

const PUSH = "urn:ietf:rfc:8935";
const POLL = "urn:ietf:rfc:8936";

// the Shared Signals routes name the platform: the admin's, which /auth/check tells of any token's holder
async function adminPlatform() {
  if (state.platform === null) {
    const checked = await send("GET", "/auth/check");
    state.platform = checked.response.headers.get("X-Whitelabel-Platform-Id");
  }
  return state.platform;
}

async function loadStreams() {
  const platform = await adminPlatform();
  // SSF's stream configuration endpoint lists every stream of the platform when no stream_id is given
  const streams = await api("GET", "/platforms/" + encodeURIComponent(platform) + "/ssf/stream");
  fillRows("stream-rows", streams, (row, stream) => {
    if (stream.status === "disabled") row.className = "disabled";
    cell(row, stream.stream_id);
    cell(row, stream.description);
    cell(row, stream.delivery.method === PUSH ? "push" : stream.delivery.method === POLL ? "poll" : stream.delivery.method);
    // the push's authorization header is never in the answer: the endpoint is all there is to show
    cell(row, stream.delivery.endpoint_url);
    cell(row, stream.events_delivered.map(eventName).join(", ") || "none");
    cell(row, streamStatus(stream));
    cell(row, lastPush(stream));
  });
  show("streams");
}

// an event type by the last part of its URI: .../caep/event-type/session-revoked is session-revoked
function eventName(uri) {
  return uri.slice(uri.lastIndexOf("/") + 1);
}

// a paused stream holds its events until it is enabled again, a disabled one drops them; the reason is the admin's or the receiver's that changed it
function streamStatus(stream) {
  return stream.reason === undefined ? stream.status : stream.status + ": " + stream.reason;
}

function lastPush(stream) {
  const last = stream.last_push;
  if (last) return when(last.at) + (last.error === undefined ? ": accepted" : ": failed, " + last.error);
  return stream.delivery.method === PUSH ? "none yet" : "polled by the receiver";
}

function actorOf(event) {
  if (event.actor_type === "operator") return "operator";
  if (event.actor_type === "system") return "the service";
  if (event.actor_type === "service_client") return "service client " + event.actor_service_client_id;
  return "user " + event.actor_user_id;
}

function targetOf(event) {
  if (event.webhook_id !== null) return "webhook " + event.webhook_id;
  return event.target_user_id === null ? "service client " + event.service_client_id : "user " + event.target_user_id;
}

async function loadAudit() {
  const page = await api("GET", "/api/white-label/audit?page=" + state.auditPage + "&per_page=" + PER_PAGE);
  fillRows("audit-rows", page.data, (row, event) => {
    cell(row, when(event.occurred_at));
    cell(row, event.action.replaceAll("_", " "));
    cell(row, actorOf(event));
    cell(row, targetOf(event));
    cell(row, event.token_id);
    cell(row, event.token_count);
  });
  pager("audit", page.meta);
  show("audit");
}

function showSettings(settings) {
  const max = settings.max_tokens_per_user;
  $("settings-max").textContent = max === null ? "no cap" : String(max);
  $("settings-policy").textContent = settings.session_cap_policy === "reject"
    ? "reject: issuing one more token is refused"
    : "evict_oldest: issuing one more token ends the least recently used one";
  $("max-tokens").value = max === null ? "" : String(max);
  $("cap-policy").value = settings.session_cap_policy;
}

async function loadSettings() {
  const read = await api("GET", "/api/white-label/settings");
  showSettings(read.settings);
  show("settings");
}

async function saveSettings() {
  const text = $("max-tokens").value.trim();
  // an empty max lifts the cap
  const changed = await api("PATCH", "/api/white-label/settings",
    { max_tokens_per_user: text === "" ? null : Number(text), session_cap_policy: $("cap-policy").value });
  say(changed.message);
  await loadSettings();
}

// the signed-in admin's own tokens, as GET /api/user/tokens lists them for any token holder
async function loadSessions() {
  const page = await api("GET", "/api/user/tokens?page=" + state.sessionsPage + "&per_page=" + PER_PAGE);
  if (pastLastPage(page, "sessionsPage")) return loadSessions();
  fillRows("session-rows", page.data, (row, token) => {
    if (token.current) row.className = "current";
    else if (isDead(token)) row.className = "revoked";
    cell(row, token.id);
    cell(row, token.name);
    const mark = cell(row, "");
    if (token.current) {
      const label = document.createElement("span");
      label.className = "this-session";
      label.textContent = "this session";
      mark.appendChild(label);
    }
    tokenCells(row, token);
  });
  pager("sessions", page.meta);
  show("sessions");
}

async function logoutOthers() {
  const result = await api("POST", "/api/user/logout", { scope: "others" });
  say(result.message + " " + tokensRevoked(result.revoked_tokens));
  await loadSessions();
}

function signOut(clearMessages) {
  sessionStorage.removeItem(TOKEN_KEY);
  state.platform = null;
  // a new client's secret must not outlive the admin who created it
  $("new-client-id").textContent = "";
  $("new-webhook-secret").textContent = "";
  $("webhook-secret").hidden = true;
  $("new-client-secret").textContent = "";
  $("client-secret").hidden = true;
  $("token").value = "";
  if (clearMessages) say("");
  show("sign-in");
}

$("sign-in-form").addEventListener("submit", (event) => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, $("token").value.trim());
  state.platform = null;
  say("");
  loadUsers().catch(fail);
});
$("search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  state.search = $("search").value.trim();
  state.usersPage = 1;
  loadUsers().catch(fail);
});
$("users-prev").addEventListener("click", () => { state.usersPage--; loadUsers().catch(fail); });
$("users-next").addEventListener("click", () => { state.usersPage++; loadUsers().catch(fail); });
$("audit-prev").addEventListener("click", () => { state.auditPage--; loadAudit().catch(fail); });
$("audit-next").addEventListener("click", () => { state.auditPage++; loadAudit().catch(fail); });
$("show-users").addEventListener("click", () => loadUsers().catch(fail));
$("show-audit").addEventListener("click", () => { state.auditPage = 1; loadAudit().catch(fail); });
$("sessions-prev").addEventListener("click", () => { state.sessionsPage--; loadSessions().catch(fail); });
$("sessions-next").addEventListener("click", () => { state.sessionsPage++; loadSessions().catch(fail); });
$("show-sessions").addEventListener("click", () => { state.sessionsPage = 1; say(""); loadSessions().catch(fail); });
$("logout-others").addEventListener("click", () => logoutOthers().catch(fail));
$("show-settings").addEventListener("click", () => { say(""); loadSettings().catch(fail); });
$("settings-form").addEventListener("submit", (event) => { event.preventDefault(); saveSettings().catch(fail); });
$("show-clients").addEventListener("click", () => { $("client-secret").hidden = true; say(""); loadClients().catch(fail); });
$("client-form").addEventListener("submit", (event) => { event.preventDefault(); createClient().catch(fail); });
$("show-webhooks").addEventListener("click", () => {
  $("webhook-secret").hidden = true; $("deliveries").hidden = true; say(""); loadWebhooks().catch(fail);
});
$("show-streams").addEventListener("click", () => { say(""); loadStreams().catch(fail); });
$("webhook-form").addEventListener("submit", (event) => { event.preventDefault(); createWebhook().catch(fail); });
$("back-to-users").addEventListener("click", () => loadUsers().catch(fail));
$("sign-out").addEventListener("click", () => signOut(true));
$("logout-all").addEventListener("click", () => { $("confirm").hidden = false; });
$("confirm-no").addEventListener("click", () => { $("confirm").hidden = true; });
$("confirm-yes").addEventListener("click", () => logoutAll().catch(fail));

if (sessionStorage.getItem(TOKEN_KEY)) loadUsers().catch(fail); else show("sign-in");
