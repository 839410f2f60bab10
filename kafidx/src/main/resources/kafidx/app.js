// kafidx page: talks to /kafidx/ws (see README, "kafidx"); no build step, no dependencies.
"use strict";

const BUFFER = 500;
const TOKEN_KEY = "kafidx.token";
const $ = (id) => document.getElementById(id);

const state = { socket: null, paused: false, events: 0, types: new Set(), noticeTimer: null };

function token() {
  const match = location.hash.match(/token=([^&]+)/);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function setStatus(text, cls) {
  $("status").textContent = text;
  $("status").className = "status " + (cls || "");
}

function showError(code, message) {
  $("error").textContent = code + ": " + message;
  $("error").dataset.code = code;
  $("error").hidden = false;
}

function clearError() {
  $("error").hidden = true;
  $("error").textContent = "";
  delete $("error").dataset.code;
}

function showNotice(text) {
  $("notice").textContent = text;
  $("notice").hidden = false;
  clearTimeout(state.noticeTimer);
  state.noticeTimer = setTimeout(() => { $("notice").hidden = true; }, 5000);
}

async function start() {
  const t = token();
  if (!t) {
    $("login").hidden = false;
    setStatus("needs an admin token", "closed");
    return;
  }
  const response = await fetch("api/session", { headers: { Authorization: "Bearer " + t } });
  if (!response.ok) {
    const body = await response.json().catch(() => ({ error: { code: "http_" + response.status, message: response.statusText } }));
    showError(body.error.code, body.error.message);
    sessionStorage.removeItem(TOKEN_KEY);
    $("login").hidden = false;
    setStatus("not signed in", "closed");
    return;
  }
  connect(t);
}

function connect(t) {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const url = scheme + "//" + location.host + location.pathname.replace(/[^/]*$/, "") + "ws?access_token=" + encodeURIComponent(t);
  const socket = new WebSocket(url);
  state.socket = socket;
  socket.onmessage = (message) => receive(JSON.parse(message.data));
  socket.onclose = () => setStatus("disconnected (reload to reconnect)", "closed");
}

function send(message) {
  if (state.socket && state.socket.readyState === WebSocket.OPEN) {
    state.socket.send(JSON.stringify(message));
  }
}

function receive(message) {
  switch (message.kind) {
    case "hello": return hello(message);
    case "watching":
      clearError();
      state.paused = false;
      $("pause").textContent = "Pause";
      setStatus("live: " + message.topics.join(", "), "live");
      return separator("watching " + message.topics.join(", ") + describeFrom());
    case "event": return addEvent(message);
    case "throttled":
      return showNotice("Throttled: " + message.skipped + " events skipped in the last second (at most "
        + message.maxEventsPerSecond + " events/s are shown; narrow the filter to see them all)");
    case "rates": return showRates(message.topics);
    case "filtered": clearError(); return separator("filter: " + (message.filter || "none"));
    case "paused":
      state.paused = true;
      $("pause").textContent = "Resume";
      return setStatus("paused (" + state.events + " events kept)", "paused");
    case "resumed":
      state.paused = false;
      $("pause").textContent = "Pause";
      setStatus("live", "live");
      return separator("resumed live");
    case "error": return showError(message.code, message.message);
  }
}

function hello(message) {
  $("login").hidden = true;
  $("controls").hidden = false;
  $("user").textContent = "admin: " + message.user + " · masked: " + message.maskedFields.join(", ");
  const topics = $("topics");
  topics.textContent = "";
  message.topics.forEach((name, i) => {
    const label = document.createElement("label");
    label.className = "topic";
    label.innerHTML = '<input type="checkbox"> <span class="name"></span> <span class="rate">–</span>'
      + ' <svg class="spark" width="80" height="18"><polyline points=""/></svg>';
    label.querySelector("input").value = name;
    label.querySelector("input").checked = i === 0;
    label.querySelector(".name").textContent = name;
    label.dataset.topic = name;
    topics.appendChild(label);
  });
  watch();
}

function selectedTopics() {
  return Array.from($("topics").querySelectorAll("input:checked")).map((input) => input.value);
}

function filterText() {
  const type = $("type").value.trim();
  const typeTerm = type ? 'type="' + type.replace(/["\\]/g, "\\$&") + '"' : "";
  return (typeTerm + " " + $("filter").value).trim();
}

function from() {
  switch ($("from-kind").value) {
    case "earliest": return "earliest";
    case "time": return $("from-time").value ? { time: new Date($("from-time").value).toISOString() } : "latest";
    case "offset": {
      const at = { offset: Number($("offset").value || 0) };
      if ($("partition").value !== "") at.partition = Number($("partition").value);
      return at;
    }
    default: return "latest";
  }
}

function describeFrom() {
  const f = from();
  if (f === "latest") return "";
  if (f === "earliest") return " from the oldest kept";
  return f.time ? " from " + f.time : " from offset " + f.offset + (f.partition === undefined ? "" : " in partition " + f.partition);
}

function watch() {
  const topics = selectedTopics();
  if (topics.length === 0) return showError("no_topic", "choose at least one topic");
  send({ op: "watch", topics: topics, filter: filterText(), from: from() });
}

function addEvent(message) {
  if (state.paused) return;
  const value = message.value;
  const type = value && typeof value === "object" && typeof value.type === "string" ? value.type : "";
  if (type && !state.types.has(type)) {
    state.types.add(type);
    const option = document.createElement("option");
    option.value = type;
    $("types").appendChild(option);
  }
  const item = document.createElement("li");
  item.className = "event";
  item.dataset.topic = message.topic;
  const meta = document.createElement("span");
  meta.className = "meta";
  meta.textContent = message.timestamp.replace("T", " ").replace("Z", "") + " " + message.topic + "/"
    + message.partition + "@" + message.offset + (message.key ? " " + message.key : "");
  const typeSpan = document.createElement("span");
  typeSpan.className = "type";
  typeSpan.textContent = type;
  const summary = document.createElement("span");
  summary.className = "summary";
  summary.textContent = typeof value === "string" ? value : JSON.stringify(value);
  item.append(meta, typeSpan, summary);
  item.addEventListener("click", (event) => {
    if (event.target.tagName === "PRE") return;
    const open = item.querySelector("pre");
    if (open) return open.remove();
    const pre = document.createElement("pre");
    pre.textContent = JSON.stringify(message, null, 2);
    item.appendChild(pre);
  });
  prepend(item);
  state.events = Math.min(BUFFER, state.events + 1);
  $("count").textContent = state.events + " shown (newest first, " + BUFFER + " kept)";
}

function separator(text) {
  const item = document.createElement("li");
  item.className = "separator";
  item.textContent = "— " + text + " —";
  prepend(item);
}

function prepend(item) {
  const list = $("events");
  list.insertBefore(item, list.firstChild);
  while (list.children.length > BUFFER) list.removeChild(list.lastChild);
}

function showRates(topics) {
  Object.entries(topics).forEach(([name, rate]) => {
    const label = $("topics").querySelector('[data-topic="' + CSS.escape(name) + '"]');
    if (!label) return;
    label.querySelector(".rate").textContent = rate.perSecond.toFixed(1) + "/s";
    const max = Math.max(1, ...rate.history);
    const step = rate.history.length > 1 ? 80 / (rate.history.length - 1) : 0;
    label.querySelector("polyline").setAttribute("points",
      rate.history.map((v, i) => (i * step).toFixed(1) + "," + (17 - (v / max) * 16).toFixed(1)).join(" "));
    label.title = "events/s over the last " + Math.round(rate.history.length * 5 / 60) + " min (5 s buckets)";
  });
}

$("login").addEventListener("submit", (event) => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, $("token").value.trim());
  clearError();
  start();
});
$("watch").addEventListener("click", watch);
$("apply-filter").addEventListener("click", () => send({ op: "filter", filter: filterText() }));
["filter", "type"].forEach((id) => $(id).addEventListener("keydown", (event) => {
  if (event.key === "Enter") send({ op: "filter", filter: filterText() });
}));
$("pause").addEventListener("click", () => send({ op: state.paused ? "resume" : "pause" }));
$("clear").addEventListener("click", () => {
  $("events").textContent = "";
  state.events = 0;
  $("count").textContent = "";
});
$("from-kind").addEventListener("change", () => {
  $("from-time").hidden = $("from-kind").value !== "time";
  $("from-offset").hidden = $("from-kind").value !== "offset";
});

start();
