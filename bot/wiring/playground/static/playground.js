// The playground page: draws what the chosen person sees, and does what they do in Slack.
"use strict";

const state = { user: null, where: "dm", thread: null, version: -1, channel: null, modal: null };
const $ = (id) => document.getElementById(id);

async function api(path, body) {
  const options = body === undefined ? {} : {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  };
  const response = await fetch(path, options);
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.error || response.statusText);
  return answer;
}

function say(text) { $("status").textContent = text; }

function whereParam() { return state.where === "channel" ? state.channel.id : state.where; }

async function draw() {
  const query = new URLSearchParams({ user: state.user, where: whereParam() });
  if (state.thread) query.set("thread", state.thread);
  const screen = await api("/api/screen?" + query);
  state.version = screen.version;
  const list = $("messages");
  const place = [state.user, state.where].join("/");
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  list.innerHTML = screen.html;
  // Like Slack: a conversation opens at its newest message and follows new ones.
  const newest = state.where === "home" ? 0 : list.scrollHeight;
  if (place !== state.place || (atBottom && state.where !== "home")) list.scrollTop = newest;
  state.place = place;
  $("thread").hidden = !state.thread;
  $("thread-messages").innerHTML = screen.thread_html;
  const titles = { home: "Home", dm: "Rapport", channel: "#" + state.channel.name };
  $("title").textContent = titles[state.where];
  $("composer").hidden = state.where === "home";
  for (const link of document.querySelectorAll("#sidebar nav a")) {
    link.classList.toggle("current", link.dataset.where === state.where);
  }
  drawModal(screen.modal);
  if (screen.unknown.length) say("Not drawn here: " + screen.unknown.join(", "));
}

function drawModal(modal) {
  const changed = JSON.stringify(modal) !== JSON.stringify(state.modal);
  state.modal = modal;
  $("modal").hidden = !modal;
  if (!modal || !changed) return;
  $("modal-title").innerHTML = modal.title;
  $("modal-body").innerHTML = modal.html;
  $("modal-close").innerHTML = modal.close;
  $("modal-submit").innerHTML = modal.submit;
  $("modal-submit").hidden = !modal.submit;
}

function option(select) {
  const chosen = select.options[select.selectedIndex];
  return { value: chosen.value, text: { type: "plain_text", text: chosen.textContent } };
}

// What a control holds, in the shape Slack gives it (in block_actions or a view's state).
function valueOf(control) {
  const kind = control.dataset.kind;
  if (control.classList.contains("multi")) {
    const picked = [...control.querySelectorAll("input:checked")].map((box) => box.value);
    if (kind.includes("users")) return { type: kind, selected_users: picked };
    if (kind.includes("conversations")) return { type: kind, selected_conversations: picked };
    return {
      type: kind,
      selected_options: [...control.querySelectorAll("input:checked")].map((box) => ({
        value: box.value, text: { type: "plain_text", text: box.parentElement.textContent.trim() },
      })),
    };
  }
  if (control.classList.contains("radios")) {
    const picked = control.querySelector("input:checked");
    return { type: kind, selected_option: picked ? { value: picked.value } : null };
  }
  if (kind === "datepicker") return { type: kind, selected_date: control.value || null };
  if (kind.endsWith("_select")) {
    const value = control.value || null;
    if (kind.startsWith("users")) return { type: kind, selected_user: value };
    if (kind.startsWith("conversations")) return { type: kind, selected_conversation: value };
    if (kind.startsWith("channels")) return { type: kind, selected_channel: value };
    return { type: kind, selected_option: value ? option(control) : null };
  }
  return { type: kind, value: control.value };
}

async function act(control, action) {
  const full = { ...action, action_id: control.dataset.actionId, block_id: control.dataset.blockId };
  const message = control.closest(".msg");
  const body = { user: state.user, where: whereParam(), action: full };
  if (message) body.ts = message.dataset.ts;
  else if (control.closest("#modal")) body.view_id = state.modal.id;
  else body.view_id = control.closest("[data-view-id]").dataset.viewId;
  say("Sent to the app…");
  try {
    const answer = await api("/api/action", body);
    say(answer.status === 200 ? "The app has it." : "The app answered HTTP " + answer.status + ".");
  } catch (error) {
    say("Not sent: " + error.message);
  }
}

function inModalInput(control) { return control.closest("#modal") && control.closest(".block.input"); }

document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-kind='button']");
  if (button) {
    event.preventDefault();
    act(button, { type: "button", value: button.dataset.value });
    return;
  }
  const replies = event.target.closest("a.replies");
  if (replies) {
    event.preventDefault();
    state.thread = replies.dataset.thread;
    draw();
  }
});

document.addEventListener("change", (event) => {
  const control = event.target.closest("[data-kind]");
  if (!control || inModalInput(control) || control.tagName === "INPUT" && control.type === "text") return;
  if (control.classList.contains("multi")) {
    const limit = Number(control.dataset.max || 0);
    if (limit && control.querySelectorAll("input:checked").length > limit) {
      event.target.checked = false;
      say("Pick at most " + limit + ".");
      return;
    }
  }
  act(control, valueOf(control));
});

$("person").addEventListener("change", () => {
  state.user = $("person").value;
  state.thread = null;
  state.modal = null;
  showTitle();
  go(state.where);
});

for (const link of document.querySelectorAll("#sidebar nav a")) {
  link.addEventListener("click", (event) => { event.preventDefault(); go(link.dataset.where); });
}

async function go(where) {
  state.where = where;
  state.thread = null;
  if (where === "home") {
    try {
      await api("/api/home", { user: state.user });
    } catch (error) {
      say("Home not opened: " + error.message);
    }
  }
  await draw();
}

$("close-thread").addEventListener("click", () => { state.thread = null; draw(); });

$("composer").addEventListener("submit", async (event) => {
  event.preventDefault();
  const text = $("command").value.trim();
  if (!text) return;
  say("Sent " + (text.startsWith("/") ? text : "/rapport " + text) + "…");
  try {
    const answer = await api("/api/command", { user: state.user, where: whereParam(), text });
    say(answer.status === 200 ? "The app has it." : "The app answered HTTP " + answer.status + ".");
    $("command").value = "";
  } catch (error) {
    say("Not sent: " + error.message);
  }
  draw();
});

$("modal-close").addEventListener("click", async () => {
  await api("/api/close", { user: state.user });
  draw();
});

$("modal-submit").addEventListener("click", async () => {
  const values = {};
  for (const control of $("modal-body").querySelectorAll(".block.input [data-kind]")) {
    const block = control.dataset.blockId;
    values[block] = values[block] || {};
    values[block][control.dataset.actionId] = valueOf(control);
  }
  for (const error of $("modal-body").querySelectorAll(".error")) error.textContent = "";
  try {
    const answer = await api("/api/submit", { user: state.user, view_id: state.modal.id, values });
    for (const [block, text] of Object.entries(answer.errors || {})) {
      const slot = $("modal-body").querySelector(`.error[data-error-for="${CSS.escape(block)}"]`);
      if (slot) slot.textContent = text;
    }
    if (answer.status !== 200) say("The app answered HTTP " + answer.status + ".");
  } catch (error) {
    say("Not sent: " + error.message);
  }
  draw();
});

function showTitle() {
  const person = state.people.find((p) => p.id === state.user);
  $("person-title").textContent = person ? person.title : "";
}

async function poll() {
  try {
    const { version } = await api("/api/version");
    if (version !== state.version) await draw();
  } catch (error) {
    say("The playground stopped answering.");
  }
  setTimeout(poll, 500);
}

async function start() {
  const known = await api("/api/people");
  state.people = known.people;
  state.channel = known.channel;
  $("nav-channel").textContent = "# " + known.channel.name;
  for (const person of known.people) {
    const choice = document.createElement("option");
    choice.value = person.id;
    choice.textContent = person.name + " — " + person.title;
    $("person").appendChild(choice);
  }
  state.user = known.people[0].id;
  showTitle();
  await draw();
  poll();
}

start();
