/* The agent console (GET /agent): sign in, take waiting conversations, chat, hand back; the
 * callback tickets (mark handled, erase on request). A new waiting person or ticket is announced
 * in the status line and the tab title, with an optional sound. No inline script: a strict CSP works.
 * The token lives in sessionStorage (shared computers): closing the tab forgets it. */
(function () {
  "use strict";
  var store = window.sessionStorage;
  var $ = function (id) { return document.getElementById(id); };
  var WHO = {person: "Personne", bot: "Assistant", counsellor: "Vous", system: "Relais"};
  var TITLE = document.title;
  var current = null;   // the open conversation id
  var lastSeq = 0;
  var timer = null;
  var seenWaiting = null;  // ids already shown; null until the first list arrived
  var seenTickets = null;
  var audio = null;

  function say(text, isError) { $("status").textContent = text; $("status").className = isError ? "error" : ""; }

  function api(method, path, body) {
    var headers = {"Content-Type": "application/json"};
    var token = store.getItem("relais.agent.token");
    if (token) headers.Authorization = "Bearer " + token;
    return fetch(path, {method: method, headers: headers, body: body ? JSON.stringify(body) : undefined}).then(function (response) {
      if (response.status === 401 && token) { signedOut("Votre session a expiré. Reconnectez-vous."); throw new Error("401"); }
      if (response.status === 204) return null;
      return response.json().then(function (data) {
        if (!response.ok) { say(data && data.error ? data.error.message_fr : "Erreur " + response.status, true); throw new Error(String(response.status)); }
        return data;
      });
    });
  }

  function minutes(seconds) { return seconds < 60 ? seconds + " s" : Math.floor(seconds / 60) + " min"; }

  function line(container, who, text, extraClass) {
    var div = document.createElement("div");
    if (extraClass) div.className = extraClass;
    var label = document.createElement("span");
    label.className = "who";
    label.textContent = who + " : ";
    div.append(label, document.createTextNode(text));
    container.appendChild(div);
  }

  function makeButton(label, ariaLabel, onClick, cls) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    if (ariaLabel) button.setAttribute("aria-label", ariaLabel);
    if (cls) button.className = cls;
    button.addEventListener("click", onClick);
    return button;
  }

  // "Établissement : CISSS de Laval", the registry's name (never a raw id); a label, not a colour.
  var NO_ESTABLISHMENT = "non précisé";
  function establishmentOf(c) { return c.establishment_name || NO_ESTABLISHMENT; }
  function establishmentLine(element, name) {
    var label = document.createElement("span");
    label.className = "label";
    label.textContent = "Établissement : ";
    var value = document.createElement("strong");
    value.textContent = name;
    element.replaceChildren(label, value);
  }

  function conversationItem(c, actionLabel, action) {
    var li = document.createElement("li");
    li.dataset.id = c.conversation_id;
    li.className = "conversation";
    var text = document.createElement("span");
    var establishment = document.createElement("span");
    establishment.className = "establishment";
    var risk = document.createElement("span");
    risk.className = "risk";
    var button = makeButton(actionLabel, null, function () { action(c.conversation_id); });
    button.dataset.action = actionLabel;
    li.append(text, establishment, risk, button);
    return li;
  }

  // Updates a list in place, so keyboard and screen-reader focus survives each refresh.
  function renderList(list, items, key, make, update, emptyText) {
    if (!items.length) {
      var empty = document.createElement("li");
      empty.className = "empty";
      empty.textContent = emptyText;
      list.replaceChildren(empty);
      return;
    }
    var existing = new Map();
    list.querySelectorAll("li[data-id]").forEach(function (li) { existing.set(li.dataset.id, li); });
    list.querySelectorAll("li.empty").forEach(function (li) { li.remove(); });
    items.forEach(function (item, position) {
      var li = existing.get(item[key]) || make(item);
      existing.delete(item[key]);
      update(li, item);
      if (list.children[position] !== li) list.insertBefore(li, list.children[position] || null);
    });
    existing.forEach(function (gone) { gone.remove(); });
  }

  function renderConversations(list, conversations, actionLabel, action, emptyText) {
    renderList(list, conversations, "conversation_id", function (c) { return conversationItem(c, actionLabel, action); }, function (li, c) {
      var since = c.state === "waiting" ? "En attente depuis " : "Demande reçue il y a ";
      var meta = since + minutes(c.waiting_seconds) + " · dernière activité il y a " + minutes(c.person_idle_seconds);
      li.children[0].textContent = "Conversation " + c.conversation_id.slice(0, 8) + " — " + meta + " ";
      establishmentLine(li.children[1], establishmentOf(c));
      li.children[2].textContent = c.crisis ? "Risque détecté" : "";
      var button = li.children[3];
      button.setAttribute("aria-label", button.dataset.action + " la conversation " + c.conversation_id.slice(0, 8) + ", établissement : " + establishmentOf(c));
    }, emptyText);
  }

  // ---- announcing new arrivals ------------------------------------------------------------
  function beep() {
    if (!audio || !$("sound").checked) return;
    var osc = audio.createOscillator(), gain = audio.createGain();
    osc.frequency.value = 880; gain.gain.value = 0.08;
    osc.connect(gain); gain.connect(audio.destination);
    osc.start(); osc.stop(audio.currentTime + 0.25);
  }
  $("sound").addEventListener("change", function () {
    if ($("sound").checked && !audio && window.AudioContext) audio = new AudioContext();
  });

  function announce(waiting, tickets) {
    var newPeople = seenWaiting ? waiting.filter(function (c) { return !seenWaiting.has(c.conversation_id); }) : [];
    var newTickets = seenTickets && tickets ? tickets.filter(function (t) { return !seenTickets.has(t.reference); }) : [];
    seenWaiting = new Set(waiting.map(function (c) { return c.conversation_id; }));
    if (tickets) seenTickets = new Set(tickets.map(function (t) { return t.reference; }));
    var parts = [];
    if (waiting.length) parts.push(waiting.length + " en attente");
    if (tickets && tickets.length) parts.push(tickets.length + (tickets.length > 1 ? " rappels" : " rappel"));
    document.title = parts.length ? "(" + parts.join(", ") + ") " + TITLE : TITLE;
    $("waiting-count").textContent = "(" + waiting.length + ")";
    if (tickets) $("tickets-count").textContent = "(" + tickets.length + ")";
    if (newPeople.length) {
      say(newPeople.length === 1 ? "Une nouvelle personne attend : conversation " + newPeople[0].conversation_id.slice(0, 8) + " (établissement : " + establishmentOf(newPeople[0]) + ")." : newPeople.length + " nouvelles personnes attendent.");
      beep();
    } else if (newTickets.length) {
      say(newTickets.length === 1 ? "Nouvelle demande de rappel : " + newTickets[0].reference + "." : newTickets.length + " nouvelles demandes de rappel.");
      beep();
    }
  }

  // ---- callback tickets -------------------------------------------------------------------
  var NOTIFY = {pending: "carte Teams en attente", sent: "carte Teams envoyée", failed: "carte Teams en échec", disabled: "pas de carte Teams"};
  function contactLink(ticket) {
    var a = document.createElement("a");
    a.textContent = ticket.contact;
    if (ticket.contact_kind === "email") a.href = "mailto:" + ticket.contact;
    else {
      var digits = ticket.contact.replace(/\s*(poste|ext\.?|x)\s*\d+$/i, "").replace(/\D/g, "");
      a.href = "tel:" + (digits.length === 10 ? "+1" + digits : digits.length === 11 ? "+" + digits : digits);
    }
    return a;
  }
  function ticketItem(ticket) {
    var li = document.createElement("li");
    li.dataset.id = ticket.reference;
    var title = document.createElement("p");
    title.className = "ticket-title";
    var details = document.createElement("dl");
    var actions = document.createElement("p");
    actions.append(
      makeButton("Marquer comme traitée", "Marquer la demande " + ticket.reference + " comme traitée", function () { handled(ticket.reference); }),
      makeButton("Effacer à la demande de la personne", "Effacer la demande " + ticket.reference + " à la demande de la personne", function () { erase(ticket.reference); }, "danger"));
    li.append(title, details, actions);
    return li;
  }
  function updateTicket(li, ticket) {
    var created = new Date(ticket.created_at);
    li.children[0].textContent = ticket.reference + " · reçue le " + created.toLocaleString("fr-CA", {dateStyle: "medium", timeStyle: "short"});
    var rows = [["Établissement", document.createTextNode(ticket.establishment_name)], ["Prénom", document.createTextNode(ticket.first_name)], ["Contact", contactLink(ticket)],
      ["Moment", document.createTextNode(ticket.time_window_label)], ["Avis", document.createTextNode(NOTIFY[ticket.notify_status] || ticket.notify_status)]];
    var dl = li.children[1];
    dl.replaceChildren();
    rows.forEach(function (row) {
      var dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = row[0]; dd.append(row[1]);
      dl.append(dt, dd);
    });
  }
  function renderTickets(tickets) {
    renderList($("tickets"), tickets, "reference", ticketItem, updateTicket, "Aucune demande de rappel ouverte.");
  }
  // After a ticket leaves the list, focus goes to the next one's first button, or the heading.
  function focusAfter(reference) {
    var li = $("tickets").querySelector('li[data-id="' + reference + '"]');
    var next = li && (li.nextElementSibling || li.previousElementSibling);
    return function () {
      var target = next && next.isConnected ? next.querySelector("button") : null;
      (target || $("tickets-title")).focus();
    };
  }
  function handled(reference) {
    var refocus = focusAfter(reference);
    api("POST", "/api/agent/tickets/" + reference + "/handled").then(function () {
      say("Demande " + reference + " marquée comme traitée.");
      return refreshTickets();
    }).then(refocus).catch(function () { /* shown by api() */ });
  }
  function erase(reference) {
    if (!confirm("Effacer la demande " + reference + " maintenant? Rien ne pourra être récupéré.")) return;
    var refocus = focusAfter(reference);
    api("DELETE", "/api/agent/tickets/" + reference).then(function () {
      say("Demande " + reference + " effacée.");
      return refreshTickets();
    }).then(refocus).catch(function () { /* shown by api() */ });
  }
  function refreshTickets() {
    return api("GET", "/api/agent/tickets").then(function (data) { renderTickets(data.tickets); return data.tickets; });
  }

  // ---- conversations ----------------------------------------------------------------------
  function refresh() {
    return Promise.all([api("GET", "/api/agent/conversations"), refreshTickets().catch(function () { return null; })]).then(function (r) {
      var data = r[0];
      renderConversations($("waiting"), data.waiting, "Prendre", take, "Personne n'attend pour le moment.");
      renderConversations($("mine"), data.mine, "Ouvrir", open, "Aucune.");
      announce(data.waiting, r[1]);
      if (current) return poll();
    }).catch(function (error) {
      // The open conversation ended and was dropped from memory: close it.
      if (error.message === "404") { current = null; $("conversation").hidden = true; }
    });
  }

  function showEvents(events) {
    events.forEach(function (e) {
      lastSeq = Math.max(lastSeq, e.seq);
      if (e.kind === "crisis") { $("crisis").hidden = false; return; }
      var who = e.kind === "message" ? WHO[e.author] : WHO.system;
      line($("live"), who, e.text, e.kind === "message" ? "" : "system");
    });
  }

  function take(id) {
    api("POST", "/api/agent/conversations/" + id + "/take").then(function () { return open(id); })
      .then(function () { say("Conversation prise."); })
      .catch(function () { refresh(); });
  }

  function open(id) {
    current = id; lastSeq = 0;
    $("conversation").hidden = false; $("crisis").hidden = true; $("reply-form").hidden = false;
    $("conversation-title").textContent = "Conversation " + id.slice(0, 8);
    $("history").replaceChildren(); $("live").replaceChildren(); $("conversation-establishment").replaceChildren();
    return api("GET", "/api/agent/conversations/" + id + "/history").then(function (data) {
      establishmentLine($("conversation-establishment"), establishmentOf(data));
      $("history-notice").textContent = data.notice || (data.bot.length ? "" : "Aucun échange avec l'assistant.");
      data.bot.forEach(function (turn) { line($("history"), WHO[turn.author], turn.text); });
      showEvents(data.live);
      $("reply").focus();
    });
  }

  function poll() {
    return api("GET", "/api/agent/conversations/" + current + "/events?after=" + lastSeq).then(function (data) {
      showEvents(data.events);
      if (data.state === "ended") { say("La conversation est terminée."); $("reply-form").hidden = true; }
      else $("reply-form").hidden = false;
    });
  }

  $("reply-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var text = $("reply").value.trim();
    if (!text || !current) return;
    api("POST", "/api/agent/conversations/" + current + "/messages", {text: text})
      .then(function () { $("reply").value = ""; $("reply").focus(); return poll(); })
      .catch(function () { /* shown by api() */ });
  });

  $("end").addEventListener("click", function () {
    if (!current || !confirm("Terminer la conversation? La personne retrouvera l'assistant et les lignes 24/7.")) return;
    api("POST", "/api/agent/conversations/" + current + "/end").then(poll).then(function () {
      refresh();
      $("conversation-title").focus();
    }).catch(function () { /* shown by api() */ });
  });

  $("login-form").addEventListener("submit", function (event) {
    event.preventDefault();
    api("POST", "/api/agent/session", {name: $("name").value.trim(), key: $("key").value}).then(function (data) {
      store.setItem("relais.agent.token", data.token);
      store.setItem("relais.agent.name", data.name);
      $("key").value = "";
      signedIn();
    }).catch(function () { /* shown by api() */ });
  });

  $("logout").addEventListener("click", function () {
    api("POST", "/api/agent/logout").catch(function () { /* signed out anyway */ }).then(function () {
      signedOut("Vous êtes déconnecté·e.");
    });
  });

  function signedIn() {
    $("login").hidden = true; $("console").hidden = false;
    $("me").textContent = store.getItem("relais.agent.name");
    say("");
    refresh();
    timer = setInterval(refresh, 2500);
    $("waiting-title").focus();
  }

  function signedOut(message) {
    store.removeItem("relais.agent.token"); store.removeItem("relais.agent.name");
    clearInterval(timer); current = null; seenWaiting = null; seenTickets = null;
    document.title = TITLE;
    $("console").hidden = true; $("conversation").hidden = true; $("login").hidden = false;
    say(message || "", Boolean(message));
    $("name").focus();
  }

  if (store.getItem("relais.agent.token")) signedIn();
})();
