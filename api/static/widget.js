/* Relais chat widget. One tag on any intranet page:
 *   <script src="https://<relais>/widget.js" data-establishment="cisss-laval" data-audience="employee" defer></script>
 * shows a launcher button and a chat panel; the page at / loads it with data-mode="page" (full page).
 * No framework, no inline style or script (a strict CSP works), nothing from a CDN. Every phone
 * number comes from the server (GET /api/lines, filled from the registry); none is written here.
 * The conversation lives in sessionStorage, never localStorage: ward computers are shared.
 * Server text is never parsed as HTML: links are built with DOM nodes. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__relaisWidget) return;
  window.__relaisWidget = true;

  var BASE = new URL(script.src, location.href).origin;
  var PAGE_MODE = script.dataset.mode === "page";
  var store = window.sessionStorage;
  var KEY = "relais.";

  var TEXT = {
    fr: {
      title: "Relais", subtitle: "Soutien confidentiel pour le personnel",
      launcher: "Besoin de soutien? Relais", close: "Fermer Relais",
      you: "Vous", bot: "Relais", system: "Relais", counsellor: "Intervenant·e",
      input: "Votre message", placeholder: "Écrivez votre question…", send: "Envoyer",
      typing: "Relais écrit…", clear: "Effacer la conversation", clear_short: "Effacer",
      cleared: "La conversation a été effacée de cet appareil.",
      welcome: "Bonjour! Je suis Relais. Posez-moi une question sur le PAE, la qualité de vie au travail ou les lignes d'écoute, ou demandez à parler à une personne.",
      transcript: "Conversation", helped: "Cette réponse vous a aidé?", yes: "Oui", no: "Non",
      thanks: "Merci de votre avis.", source: "Source", reviewed: "révisé le",
      help_now: "Besoin d'aide maintenant?", danger: "danger immédiat :", text_to: "texto",
      chat_on: "clavardage", not_emergency: "Relais est anonyme et n'est pas un service d'urgence.",
      lines_label: "Lignes d'aide 24/7", unreachable: "Je n'arrive pas à joindre le serveur.",
      error: "Une erreur est survenue. Réessayez dans un instant.",
      live_offer: "Clavarder avec une personne", callback_offer: "Être rappelé",
      live_first: "Écrivez-moi d'abord un mot, puis demandez une personne.",
      cancel_wait: "Annuler l'attente", left_queue: "D'accord, vous n'êtes plus dans la file d'attente.",
      waiting: function (p) { return p ? "En attente d'une personne (vous êtes " + (p === 1 ? "1re" : p + "e") + " dans la file). L'assistant continue de vous répondre." : "En attente d'une personne."; },
      with_counsellor: function (a) { return "Vous clavardez avec " + (a || "un intervenant") + "."; },
      callback_title: "Être rappelé", first_name: "Prénom ou pseudonyme", contact: "Téléphone ou courriel",
      time_window: "Moment préféré", establishment: "Établissement", choose: "Choisissez…",
      callback_send: "Envoyer la demande", callback_cancel: "Annuler",
      callback_cancelled: "D'accord, rien n'a été envoyé ni conservé.",
      new_window: "(nouvel onglet)", new_message: "Nouveau message ↓",
      noscript_lang: "fr-CA"
    },
    en: {
      title: "Relais", subtitle: "Confidential support for staff",
      launcher: "Need support? Relais", close: "Close Relais",
      you: "You", bot: "Relais", system: "Relais", counsellor: "Counsellor",
      input: "Your message", placeholder: "Type your question…", send: "Send",
      typing: "Relais is typing…", clear: "Clear the conversation", clear_short: "Clear",
      cleared: "The conversation was cleared from this device.",
      welcome: "Hello! I am Relais. Ask me about the EAP, quality of work life or listening lines, or ask to talk to a person.",
      transcript: "Conversation", helped: "Did this answer help you?", yes: "Yes", no: "No",
      thanks: "Thank you for your feedback.", source: "Source", reviewed: "reviewed on",
      help_now: "Need help now?", danger: "immediate danger:", text_to: "text",
      chat_on: "chat", not_emergency: "Relais is anonymous and is not an emergency service.",
      lines_label: "24/7 help lines", unreachable: "I cannot reach the server.",
      error: "Something went wrong. Please try again in a moment.",
      live_offer: "Chat with a person", callback_offer: "Get a call back",
      live_first: "Write me a word first, then ask for a person.",
      cancel_wait: "Stop waiting", left_queue: "All right, you are no longer in the queue.",
      waiting: function (p) { return p ? "Waiting for a person (you are number " + p + " in the queue). The assistant keeps answering you." : "Waiting for a person."; },
      with_counsellor: function (a) { return "You are chatting with " + (a || "a counsellor") + "."; },
      callback_title: "Get a call back", first_name: "First name or pseudonym", contact: "Phone or email",
      time_window: "Preferred time", establishment: "Establishment", choose: "Choose…",
      callback_send: "Send the request", callback_cancel: "Cancel",
      callback_cancelled: "All right, nothing was sent or kept.",
      new_window: "(new tab)", new_message: "New message ↓",
      noscript_lang: "en-CA"
    }
  };

  // ---- state ---------------------------------------------------------------------------------
  var pageParams = new URLSearchParams(location.search);
  var establishment = script.dataset.establishment || (PAGE_MODE ? pageParams.get("etablissement") : null) || null;
  var audience = /^(employee|manager)$/.test(script.dataset.audience || "") ? script.dataset.audience : null;
  var PAGE_ENGLISH = (document.documentElement.lang || "").toLowerCase().indexOf("en") === 0;
  var lang = store.getItem(KEY + "lang") || (PAGE_ENGLISH ? "en" : "fr");
  var conversationId = store.getItem(KEY + "conversation_id");
  var transcript = readJson(KEY + "transcript", []);
  var lines = readJson(KEY + "lines", null);
  var waiting = false;
  var stick = true;
  var holdStart = false;  // a reply's start or the callback form was scrolled to on purpose
  var livePolling = null;
  var cb = {};  // the callback form's controls
  var liveAfter = Number(store.getItem(KEY + "live_after") || 0);

  function readJson(key, fallback) {
    try { var v = JSON.parse(store.getItem(key)); return v === null ? fallback : v; } catch (e) { return fallback; }
  }
  function t(key) { return TEXT[lang][key]; }

  // ---- DOM helpers ---------------------------------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    for (var name in attrs || {}) {
      if (name === "text") node.textContent = attrs[name];
      else if (name === "class") node.className = attrs[name];
      else if (name === "hidden") node.hidden = attrs[name];
      else if (attrs[name] !== null && attrs[name] !== undefined) node.setAttribute(name, attrs[name]);
    }
    (children || []).forEach(function (c) { if (c) node.append(c); });
    return node;
  }
  function button(label, cls, onClick) {
    var b = el("button", {type: "button", class: cls || "relais-btn", text: label});
    b.addEventListener("click", onClick);
    return b;
  }

  // Only https, tel: and sms: become links; the href is built from what was matched, never pasted.
  function safeLink(href, label) {
    if (!/^(https:\/\/|tel:\+?[0-9]+$|sms:[0-9]+$)/.test(href)) return document.createTextNode(label);
    var a = el("a", {href: href, text: label});
    if (href.indexOf("https://") === 0) {
      a.target = "_blank"; a.rel = "noopener noreferrer";
      a.append(el("span", {class: "relais-sr", text: " " + t("new_window")}));
    }
    return a;
  }
  function telHref(number) {
    var digits = number.replace(/\D/g, "");
    if (digits.length === 10) return "tel:+1" + digits;
    if (digits.length === 11 && digits[0] === "1") return "tel:+" + digits;
    return "tel:" + digits;
  }
  function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
  function linkPattern() {
    var short = ((lines && lines.short_numbers) || []).map(escapeRe).join("|");
    return new RegExp(
      "(https:\\/\\/[^\\s<>\"]+[^\\s<>\".,;:!?)])" +                      // 1 https URL
      "|\\b((?:[a-z0-9-]+\\.)+(?:ca|com|org|net|quebec)(?:\\/[^\\s<>\"]*[^\\s<>\".,;:!?)])?)(?![\\w@])" + // 2 bare domain
      "|\\b([Tt]exto (?:au )?|[Tt]exter au |[Tt]ext )(\\d{3,6})\\b" +                 // 3,4 sms
      "|(\\b1[ -]8\\d\\d[ -]\\d{3}-\\d{4}\\b|\\(?\\b\\d{3}\\)? \\d{3}-\\d{4}\\b" + (short ? "|\\b(?:" + short + ")\\b" : "") + ")", // 5 phone
      "g");
  }
  function linkify(text) {
    var frag = document.createDocumentFragment();
    var re = linkPattern(), last = 0, m;
    while ((m = re.exec(text)) !== null) {
      if (m.index > last) frag.append(text.slice(last, m.index));
      if (m[1]) frag.append(safeLink(m[1], m[1]));
      else if (m[2]) frag.append(safeLink("https://" + m[2], m[2]));
      else if (m[4]) { frag.append(m[3]); frag.append(safeLink("sms:" + m[4], m[4])); }
      else if (m[5]) frag.append(safeLink(telHref(m[5]), m[5]));
      last = re.lastIndex;
    }
    if (last < text.length) frag.append(text.slice(last));
    return frag;
  }

  // A few function words tell French from English well enough to choose the labels.
  function looksEnglish(text) {
    var words = text.toLowerCase().match(/[a-zàâçéèêëîïôûùüÿœ']+/g) || [];
    var en = 0, fr = 0;
    words.forEach(function (w) {
      if (/^(the|you|your|is|are|to|and|can|for|with|please|what|how|help|i|we|it|this|of|or|need|call)$/.test(w)) en++;
      if (/^(le|la|les|vous|votre|de|des|est|et|pour|avec|je|nous|une|un|du|au|aux|que|qui|pas|besoin|appelez)$/.test(w)) fr++;
    });
    return en >= 2 && en > fr * 1.5;
  }

  // ---- the panel -----------------------------------------------------------------------------
  var host = el("div", {class: "relais-host"});
  var root = host.attachShadow({mode: "open"});
  root.append(el("link", {rel: "stylesheet", href: BASE + "/widget.css"}));

  var launcher = el("button", {type: "button", class: "relais-launcher", "aria-expanded": "false", "aria-controls": "relais-panel"});
  var panel = el("section", {id: "relais-panel", class: "relais-panel" + (PAGE_MODE ? " relais-page" : ""), "aria-labelledby": "relais-title"});
  var titleEl = el(PAGE_MODE ? "h1" : "h2", {id: "relais-title", class: "relais-title"});
  var subtitleEl = el("p", {class: "relais-subtitle"});
  var clearBtn = button("", "relais-btn relais-quiet", clearConversation);
  var closeBtn = PAGE_MODE ? null : button("", "relais-btn relais-quiet relais-close", function () { toggle(false); });
  var header = el("header", {class: "relais-header"}, [
    el("div", {class: "relais-heading"}, [titleEl, subtitleEl]),
    el("div", {class: "relais-tools"}, [clearBtn, closeBtn])
  ]);
  var crisisBanner = el("div", {id: "crisis-banner", class: "relais-crisis", role: "region", hidden: true});
  var liveBanner = el("div", {id: "live-banner", class: "relais-live", role: "status", hidden: true});
  var scroller = el("div", {class: "relais-scroll", tabindex: "0", role: "region"});
  var list = el("div", {id: "log", class: "relais-transcript"});
  var typing = el("div", {class: "relais-typing", hidden: true}, [
    el("span", {class: "relais-dots", "aria-hidden": "true"}, [el("span"), el("span"), el("span")]),
    el("span", {class: "relais-typing-text"})
  ]);
  var callbackForm = buildCallbackForm();
  scroller.append(list, typing, callbackForm);
  // New bot messages are announced here, politely; the person's own words and buttons are not.
  var announcer = el("div", {class: "relais-sr", role: "log", "aria-live": "polite", "aria-relevant": "additions"});
  var jump = button("", "relais-btn relais-jump", function () { scrollToEnd(true); input.focus(); });
  jump.hidden = true;
  var input = el("textarea", {id: "relais-text", rows: "1", maxlength: "2000", autocomplete: "off", class: "relais-input"});
  var inputLabel = el("label", {for: "relais-text", class: "relais-sr"});
  var sendBtn = el("button", {type: "submit", class: "relais-btn relais-send"});
  var composer = el("form", {id: "chat-form", class: "relais-composer"}, [inputLabel, input, sendBtn]);
  var footer = el("p", {class: "relais-footer"});
  panel.append(header, crisisBanner, liveBanner, scroller, jump, announcer, composer, footer);
  if (!PAGE_MODE) root.append(launcher);
  root.append(panel);
  if (!PAGE_MODE) panel.hidden = true;

  function mount() {
    var target = PAGE_MODE && document.getElementById(script.dataset.target || "relais-page");
    if (target) target.append(host); else document.body.append(host);
    applyLabels();
    restore();
    loadLines();
    if (PAGE_MODE || store.getItem(KEY + "open") === "1") toggle(true, !PAGE_MODE);
    if (conversationId && store.getItem(KEY + "live") === "1") startLive();
  }

  function applyLabels() {
    panel.setAttribute("lang", lang === "en" ? "en-CA" : "fr-CA");
    launcher.setAttribute("lang", lang === "en" ? "en-CA" : "fr-CA");
    launcher.textContent = t("launcher");
    titleEl.textContent = t("title");
    subtitleEl.textContent = t("subtitle");
    // Short on screen ("Effacer"), whole for screen readers ("Effacer la conversation").
    clearBtn.replaceChildren(t("clear_short"), el("span", {class: "relais-sr", text: t("clear").slice(t("clear_short").length)}));
    if (closeBtn) { closeBtn.textContent = "×"; closeBtn.setAttribute("aria-label", t("close")); }
    scroller.setAttribute("aria-label", t("transcript"));
    inputLabel.textContent = t("input");
    input.placeholder = t("placeholder");
    sendBtn.textContent = t("send");
    typing.lastChild.textContent = t("typing");
    jump.textContent = t("new_message");
    crisisBanner.setAttribute("aria-label", t("lines_label"));
    labelCallbackForm();
    renderLines();
  }

  function setLang(next) {
    if (next === lang) return;
    lang = next;
    store.setItem(KEY + "lang", lang);
    applyLabels();
  }

  function toggle(open, focus) {
    if (PAGE_MODE) { scrollToEnd(true); if (focus !== false) input.focus(); return; }
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    launcher.classList.toggle("relais-launcher-open", open);
    store.setItem(KEY + "open", open ? "1" : "0");
    if (open) { scrollToEnd(true); if (focus !== false) input.focus(); } else if (focus !== false) launcher.focus();
  }
  launcher.addEventListener("click", function () { toggle(panel.hidden); });
  panel.addEventListener("keydown", function (e) { if (e.key === "Escape" && !PAGE_MODE) toggle(false); });

  // ---- the 24/7 lines (server-filled) ----------------------------------------------------------
  function loadLines() {
    fetch(BASE + "/api/lines").then(function (r) { return r.ok ? r.json() : null; }).then(function (data) {
      if (!data) return;
      lines = data;
      store.setItem(KEY + "lines", JSON.stringify(data));
      renderLines();
    }).catch(function () { /* the lines saved in this tab, if any, stay shown */ });
  }
  function lineLinks(compact) {
    var frag = document.createDocumentFragment();
    if (!lines) return frag;
    lines.lines.forEach(function (line, i) {
      if (i) frag.append(" · ");
      if (line.kind === "emergency") { frag.append(t("danger") + " "); frag.append(safeLink(line.tel, line.phone)); return; }
      frag.append(safeLink(line.tel, line.label));
      if (line.sms && !compact) { frag.append(" · " + t("text_to") + " "); frag.append(safeLink(line.sms_uri, line.sms)); }
    });
    return frag;
  }
  function renderLines() {
    crisisBanner.replaceChildren(el("strong", {text: t("help_now") + " "}), lineLinks(false));
    footer.replaceChildren(t("not_emergency") + " ", lineLinks(true));
    crisisBanner.hidden = !(store.getItem(KEY + "crisis") === "1" && lines);
    // The banner takes room from the transcript: keep the newest message in view.
    if (stick && !panel.hidden) scrollToEnd();
  }
  function linesSentence() {
    return lines ? lines.lines.map(function (l) { return l.kind === "emergency" ? t("danger") + " " + l.phone : l.label; }).join(", ") : "";
  }

  // ---- transcript ----------------------------------------------------------------------------
  function save() {
    if (transcript.length > 200) transcript = transcript.slice(-200);
    try { store.setItem(KEY + "transcript", JSON.stringify(transcript)); } catch (e) { /* full: keep going */ }
  }

  function formatDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    if (!m) return iso || "";
    try { return new Intl.DateTimeFormat(lang === "en" ? "en-CA" : "fr-CA", {dateStyle: "long"}).format(new Date(+m[1], +m[2] - 1, +m[3])); }
    catch (e) { return iso; }
  }

  function render(item, announce) {
    var who = item.who;
    var speaker = who === "counsellor" ? (item.agent || t("counsellor")) : t(who === "user" ? "you" : who);
    var bubble = el("div", {class: "relais-row relais-" + who});
    var msg = el("div", {class: "msg " + (item.welcome ? "welcome" : who), lang: item.lang === "en" ? "en-CA" : (item.lang === "fr" ? "fr-CA" : null)}, [
      el("span", {class: "relais-who", text: speaker}),
      el("p", {class: "relais-text"}, [who === "user" ? document.createTextNode(item.text) : linkify(item.text)])
    ]);
    bubble.append(msg);
    if (item.sources && item.sources.length) {
      var src = el("ul", {class: "relais-sources"});
      item.sources.forEach(function (s) {
        src.append(el("li", {text: t("source") + " : " + s.title + " · " + t("reviewed") + " " + formatDate(s.last_reviewed)}));
      });
      msg.append(src);
    }
    if (item.feedback !== undefined && item.sources && item.sources.length) bubble.append(feedbackRow(item));
    if (item.buttons && item.buttons.length) bubble.append(quickReplies(item));
    list.append(bubble);
    if (announce && who !== "user") {
      announcer.append(el("p", {text: speaker + " : " + item.text}));
      // A whole turn stays (a crisis reply and the answer after it make five messages).
      while (announcer.childNodes.length > 8) announcer.firstChild.remove();
    }
    return bubble;
  }

  function add(item, announce) {
    transcript.push(item);
    save();
    var node = render(item, announce !== false);
    scrollToEnd(false);
    return node;
  }

  function quickReplies(item) {
    var keep = item.buttons.some(function (b) { return b.offer === "cancel_live"; });
    var row = el("div", {class: "relais-quick" + (keep ? " relais-keep" : ""), role: "group", "aria-label": t("bot")});
    item.buttons.forEach(function (b) {
      var btn = button(b.title, "relais-btn relais-chip" + (b.offer ? " relais-offer" : ""), function () {
        if (waiting || item.used) return;
        item.used = true; save();
        disableRow(row);
        if (b.offer === "callback") openCallback();
        else if (b.offer === "live_chat") requestLive();
        else if (b.offer === "cancel_live") cancelLive();
        else send(b.payload, b.title);
      });
      btn.disabled = Boolean(item.used);
      row.append(btn);
    });
    return row;
  }
  // "Stop waiting" means nothing once a counsellor has joined or the wait is over.
  function retireCancel() {
    var changed = false;
    transcript.forEach(function (item) {
      if (!item.used && item.buttons && item.buttons.some(function (b) { return b.offer === "cancel_live"; })) { item.used = true; changed = true; }
    });
    if (changed) save();
    list.querySelectorAll(".relais-quick.relais-keep").forEach(disableRow);
  }
  function disableRow(row) { row.querySelectorAll("button").forEach(function (b) { b.disabled = true; }); }
  function retireQuickReplies() {
    // Suggestions answer the last message only; "stop waiting" stays usable while waiting.
    transcript.forEach(function (item) {
      if (item.buttons && item.buttons.length && !item.buttons.some(function (b) { return b.offer === "cancel_live"; })) item.used = true;
    });
    list.querySelectorAll(".relais-quick:not(.relais-keep)").forEach(disableRow);
  }

  function feedbackRow(item) {
    var row = el("div", {class: "relais-feedback"});
    if (item.feedback !== null) { row.append(el("p", {text: t("thanks")})); return row; }
    var question = el("p", {text: t("helped")});
    var group = el("div", {class: "relais-feedback-buttons", role: "group", "aria-label": t("helped")});
    [["yes", true], ["no", false]].forEach(function (pair) {
      group.append(button(t(pair[0]), "relais-btn relais-chip", function () {
        item.feedback = pair[1]; save();
        row.replaceChildren(el("p", {text: t("thanks")}));
        post("/api/feedback", {conversation_id: conversationId, article_id: item.sources[0].id, helpful: pair[1]}).catch(function () {});
        input.focus();
      }));
    });
    row.append(question, group);
    return row;
  }

  function restore() {
    list.replaceChildren();
    render({who: "bot", welcome: true, text: t("welcome"), lang: lang}, false);
    transcript.forEach(function (item) { render(item, false); });
  }

  // ---- auto-scroll, unless the person scrolled up ----------------------------------------------
  scroller.addEventListener("scroll", function () {
    stick = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 40;
    if (stick) jump.hidden = true;
  });
  // The style sheet arrives after the first layout, a banner opens, a window is resized: whatever
  // changes the transcript's size keeps the newest message in view, unless the person scrolled up,
  // a crisis reply's start or the callback form was shown on purpose, or the window is so short
  // that the page scrolls instead of the transcript.
  if (window.ResizeObserver) {
    var keepAtEnd = new ResizeObserver(function () {
      if (stick && !holdStart && !panel.hidden && getComputedStyle(scroller).overflowY !== "visible") scrollToEnd();
    });
    keepAtEnd.observe(scroller);
    keepAtEnd.observe(list);
  }
  function scrollToEnd(force) {
    if (!(force || stick)) { jump.hidden = false; return; }
    stick = true; jump.hidden = true; holdStart = false;
    // Very short windows (200 % zoom on a laptop): the panel or page scrolls, not the transcript.
    if (getComputedStyle(scroller).overflowY === "visible") {
      var last = typing.hidden ? list.lastElementChild : typing;
      if (last && !panel.hidden) last.scrollIntoView({block: "end"});
    } else scroller.scrollTop = scroller.scrollHeight;
  }

  function scrollToStart(node) {
    holdStart = true;
    if (getComputedStyle(scroller).overflowY === "visible") { node.scrollIntoView({block: "start"}); return; }
    scroller.scrollTop += node.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 8;
    stick = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 40;
    jump.hidden = stick;  // the rest of the turn is below
  }

  // ---- talking to the gateway ----------------------------------------------------------------
  function headers(json) {
    var h = {};
    if (json) h["Content-Type"] = "application/json";
    var token = store.getItem(KEY + "token");
    if (token) h["X-Conversation-Token"] = token;
    return h;
  }
  function request(method, path, body) {
    return fetch(BASE + path, {method: method, headers: headers(body !== undefined), body: body === undefined ? undefined : JSON.stringify(body)})
      .then(function (r) {
        return r.text().then(function (raw) {
          var data = null;
          try { data = raw ? JSON.parse(raw) : null; } catch (e) { data = null; }
          return {ok: r.ok, status: r.status, data: data};
        });
      });
  }
  function post(path, body) { return request("POST", path, body); }
  function errorText(data) {
    return data && data.error ? (lang === "en" ? data.error.message_en : data.error.message_fr) : t("error");
  }

  function setWaiting(on) {
    waiting = on;
    sendBtn.disabled = on;
    typing.hidden = !on;
    if (on) scrollToEnd(false);
  }

  function send(message, shown) {
    if (waiting) return;
    retireQuickReplies();
    add({who: "user", text: shown || message});
    setWaiting(true);
    var body = {conversation_id: conversationId, message: message, establishment: establishment};
    if (audience) body.audience = audience;
    // The language of the last reply (none before the first one on a French page): the gateway
    // answers a button or an "ok" in it.
    var replied = store.getItem(KEY + "reply_lang") || (PAGE_ENGLISH ? "en" : "");
    if (replied) body.language = replied;
    post("/api/chat", body).then(function (r) {
      setWaiting(false);
      if (!r.ok) { add({who: "system", text: errorText(r.data)}); return; }
      showReply(r.data);
    }).catch(function () {
      setWaiting(false);
      add({who: "system", text: t("unreachable") + (lines ? " " + t("help_now") + " " + linesSentence() + "." : "")});
    }).then(function () { input.focus(); });
  }

  function showReply(data) {
    conversationId = data.conversation_id;
    store.setItem(KEY + "conversation_id", conversationId);
    if (data.conversation_token) store.setItem(KEY + "token", data.conversation_token);
    if (data.crisis) { store.setItem(KEY + "crisis", "1"); renderLines(); }
    var messages = data.messages || [];
    var joined = messages.map(function (m) { return m.text; }).join(" ");
    // English labels when the page is English or the person writes (and is answered) in English.
    if (data.language) store.setItem(KEY + "reply_lang", data.language);
    if (joined) setLang(PAGE_ENGLISH || data.language === "en" || looksEnglish(joined) ? "en" : "fr");
    var offers = (data.offers || []).map(function (name) {
      return name === "callback" ? {title: t("callback_offer"), offer: "callback"} : name === "live_chat" ? {title: t("live_offer"), offer: "live_chat"} : null;
    }).filter(Boolean);
    var first = null;
    messages.forEach(function (m, i) {
      var lastOne = i === messages.length - 1;
      var item = {who: "bot", text: m.text, lang: looksEnglish(m.text) ? "en" : "fr",
        buttons: (m.buttons || []).map(function (b) { return {title: b.title, payload: b.payload}; })};
      if (lastOne) {
        item.buttons = item.buttons.concat(offers);
        if (data.sources && data.sources.length) { item.sources = data.sources; item.feedback = null; }
      }
      var node = add(item);
      if (i === 0) first = node;
    });
    // A crisis reply followed by an answer: the reply's first message stays in view, not the end.
    if (data.crisis && first && messages.length > 1) scrollToStart(first);
    if (data.live) showLiveState(data.live.state, data.live.position, data.live.agent);
  }

  composer.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text || waiting) return;
    input.value = "";
    send(text);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      composer.requestSubmit ? composer.requestSubmit() : composer.dispatchEvent(new Event("submit"));
    }
  });

  // ---- clearing the conversation (shared computers) ------------------------------------------
  function clearConversation() {
    var id = conversationId;
    if (id) {
      if (store.getItem(KEY + "live") === "1") post("/api/live/" + id + "/cancel").catch(function () {});
      // 404/405 while the erase endpoint is not deployed: the browser is cleared anyway.
      request("DELETE", "/api/conversations/" + encodeURIComponent(id)).catch(function () {});
    }
    stopLive();
    ["conversation_id", "token", "transcript", "crisis", "live", "live_after", "lang", "reply_lang"].forEach(function (k) { store.removeItem(KEY + k); });
    conversationId = null; transcript = []; liveAfter = 0;
    liveBanner.hidden = true;
    closeCallback();
    setWaiting(false);
    renderLines();
    list.replaceChildren();
    render({who: "system", text: t("cleared")}, true);
    render({who: "bot", welcome: true, text: t("welcome"), lang: lang}, false);
    input.value = "";
    input.focus();
  }

  // ---- live chat with a counsellor -------------------------------------------------------------
  function showLiveState(state, position, agent) {
    var text = state === "waiting" ? t("waiting")(position) : state === "with_counsellor" ? t("with_counsellor")(agent) : "";
    liveBanner.textContent = text;
    liveBanner.hidden = !text;
    if (state !== "waiting") retireCancel();
    if (state === "ended") stopLive();
  }
  function requestLive() {
    if (!conversationId) { add({who: "bot", text: t("live_first")}); input.focus(); return; }
    // What the person reads during the live chat follows the panel's language.
    post("/api/live/" + conversationId + "/request?language=" + lang).then(function (r) {
      if (!r.ok) { add({who: "system", text: errorText(r.data)}); return; }
      add({who: "system", text: r.data.explanation, buttons: [{title: t("cancel_wait"), offer: "cancel_live"}]});
      showLiveState(r.data.state, r.data.position, null);
      startLive();
    }).catch(function () { add({who: "system", text: t("unreachable")}); }).then(function () { input.focus(); });
  }
  function startLive() {
    if (livePolling) return;
    store.setItem(KEY + "live", "1");
    livePolling = setInterval(pollLive, 2500);
  }
  function stopLive() {
    clearInterval(livePolling);
    livePolling = null;
    store.removeItem(KEY + "live");
  }
  function pollLive() {
    if (!conversationId) return;
    request("GET", "/api/live/" + conversationId + "/events?after=" + liveAfter).then(function (r) {
      if (!r.ok) { stopLive(); liveBanner.hidden = true; return; }
      r.data.events.forEach(function (event) {
        liveAfter = Math.max(liveAfter, event.seq);
        if (event.kind === "message" && event.author === "counsellor") add({who: "counsellor", agent: r.data.agent, text: event.text});
        else if (event.kind === "joined" || event.kind === "left") add({who: "system", text: event.text});
      });
      store.setItem(KEY + "live_after", String(liveAfter));
      showLiveState(r.data.state, r.data.position, r.data.agent);
    }).catch(function () { /* the next poll tries again */ });
  }
  function cancelLive() {
    post("/api/live/" + conversationId + "/cancel").catch(function () {}).then(function () {
      stopLive();
      liveBanner.hidden = true;
      add({who: "system", text: t("left_queue")});
      input.focus();
    });
  }

  // ---- call back -------------------------------------------------------------------------------
  function buildCallbackForm() {
    function field(name, control) {
      cb[name + "Label"] = el("span", {class: "relais-label"});
      return el("label", {class: "relais-field"}, [cb[name + "Label"], control]);
    }
    cb.title = el(PAGE_MODE ? "h2" : "h3", {id: "relais-callback-title", class: "relais-form-title", tabindex: "-1"});
    cb.notice = el("div", {id: "callback-notice", class: "relais-notice"});
    cb.first = el("input", {name: "first_name", maxlength: "40", required: "", autocomplete: "given-name"});
    cb.contact = el("input", {name: "contact", maxlength: "300", required: "", autocomplete: "off"});
    cb.window = el("select", {name: "time_window"});
    cb.place = el("select", {name: "establishment", required: ""});
    cb.consent = el("input", {type: "checkbox", name: "consent", id: "relais-consent"});
    cb.consentLabel = el("label", {for: "relais-consent"});
    cb.submit = el("button", {type: "submit", class: "relais-btn relais-send"});
    cb.error = el("p", {class: "relais-form-error", role: "alert"});
    cb.cancel = button("", "relais-btn relais-quiet", function () {
      closeCallback();
      add({who: "system", text: t("callback_cancelled")});
      input.focus();
    });
    var form = el("form", {id: "callback", class: "relais-callback", "aria-labelledby": "relais-callback-title", hidden: true}, [
      cb.title, cb.notice,
      field("first", cb.first), field("contact", cb.contact), field("window", cb.window), field("place", cb.place),
      el("div", {class: "relais-consent"}, [cb.consent, cb.consentLabel]),
      cb.error,
      el("div", {class: "relais-actions"}, [cb.submit, cb.cancel])
    ]);
    form.addEventListener("submit", submitCallback);
    return form;
  }
  function labelCallbackForm() {
    cb.title.textContent = t("callback_title");
    cb.firstLabel.textContent = t("first_name");
    cb.contactLabel.textContent = t("contact");
    cb.windowLabel.textContent = t("time_window");
    cb.placeLabel.textContent = t("establishment");
    cb.submit.textContent = t("callback_send");
    cb.cancel.textContent = t("callback_cancel");
  }
  function openCallback() {
    Promise.all([request("GET", "/api/callback/notice"), request("GET", "/api/establishments")]).then(function (r) {
      var notice = r[0].data, places = r[1].data;
      if (!r[0].ok || !r[1].ok) { add({who: "system", text: errorText(r[0].ok ? places : notice)}); input.focus(); return; }
      var en = lang === "en";
      cb.notice.replaceChildren.apply(cb.notice, (en ? notice.statement_en : notice.statement_fr).map(function (text) { return el("p", {}, [linkify(text)]); }));
      cb.consentLabel.textContent = en ? notice.consent_label_en : notice.consent_label_fr;
      cb.window.replaceChildren.apply(cb.window, notice.time_windows.map(function (w) { return new Option(en ? w.label_en : w.label_fr, w.value); }));
      cb.place.replaceChildren.apply(cb.place, [new Option(t("choose"), "")].concat(places.establishments.map(function (e) { return new Option(e.name, e.id); })));
      if (establishment) cb.place.value = establishment;
      cb.error.textContent = "";
      callbackForm.hidden = false;
      // The heading first: the notice (what is kept, for how long) is read before the fields.
      cb.title.focus();
      holdStart = true;
      if (getComputedStyle(scroller).overflowY !== "visible") scroller.scrollTop = callbackForm.offsetTop - 8;
      else callbackForm.scrollIntoView({block: "start"});
    }).catch(function () { add({who: "system", text: t("unreachable")}); input.focus(); });
  }
  function closeCallback() { callbackForm.reset(); cb.error.textContent = ""; callbackForm.hidden = true; }
  function submitCallback(event) {
    event.preventDefault();
    var body = {conversation_id: conversationId, first_name: cb.first.value, contact: cb.contact.value,
      time_window: cb.window.value, establishment: cb.place.value, consent: cb.consent.checked};
    cb.submit.disabled = true;
    post("/api/callback", body).then(function (r) {
      cb.submit.disabled = false;
      if (r.ok) {
        closeCallback();
        add({who: "system", text: lang === "en" ? r.data.message_en : r.data.message_fr});
        input.focus();
      } else {
        // Said next to the form, where the person is; the form keeps what was typed.
        cb.error.textContent = errorText(r.data);
        (r.data && r.data.error && /consent/.test(r.data.error.code) ? cb.consent : cb.first).focus();
      }
    }).catch(function () { cb.submit.disabled = false; add({who: "system", text: t("unreachable")}); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount); else mount();
})();
