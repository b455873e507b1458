// hearsay article view: claim details on hover/focus, keyboard moves between claims, and
// selecting a source highlights its claims. No HTML is built from data here: details are
// server-rendered, escaped elements that are cloned.
(function () {
  "use strict";

  function init() {
    var article = document.getElementById("article");
    if (!article) { return; }
    var tip = document.getElementById("tip");
    var reading = article.parentElement;
    var stops = Array.prototype.slice.call(article.querySelectorAll(".claim[tabindex]"));
    var shown = null;

    function pieces(id) {
      return article.querySelectorAll('.claim[data-claim="' + CSS.escape(id) + '"]');
    }
    function setCurrent(id, on) {
      pieces(id).forEach(function (p) { p.classList.toggle("current", on); });
    }

    function show(el) {
      var id = el.getAttribute("data-claim");
      if (shown === id) { return; }
      hide();
      var detail = document.getElementById("detail-" + id);
      if (!detail) { return; }
      var copy = detail.cloneNode(true);
      copy.removeAttribute("id");
      tip.replaceChildren(copy);
      tip.hidden = false;
      // below the claim's last line, so the tip never covers the claim it explains
      var rects = el.getClientRects();
      var rect = rects.length ? rects[rects.length - 1] : el.getBoundingClientRect();
      var base = reading.getBoundingClientRect();
      var left = Math.max(0, Math.min(rect.left - base.left, reading.clientWidth - tip.offsetWidth));
      tip.style.left = left + "px";
      tip.style.top = (rect.bottom - base.top + 8) + "px";
      setCurrent(id, true);
      shown = id;
    }
    function hide() {
      if (shown !== null) { setCurrent(shown, false); }
      shown = null;
      tip.hidden = true;
      tip.replaceChildren();
    }

    article.addEventListener("mouseover", function (e) {
      var el = e.target.closest(".claim");
      if (el && article.contains(el)) { show(el); }
    });
    // leaving the article for the tip keeps it open (it can be read and selected); leaving
    // both goes back to the focused claim's details, if any
    function leave(e) {
      var to = e.relatedTarget;
      if (to && (tip.contains(to) || article.contains(to))) { return; }
      var focused = document.activeElement;
      if (focused && focused.classList.contains("claim") && article.contains(focused)) { show(focused); } else { hide(); }
    }
    article.addEventListener("mouseleave", leave);
    tip.addEventListener("mouseleave", leave);
    article.addEventListener("focusin", function (e) {
      var el = e.target.closest(".claim");
      if (el) { show(el); }
    });
    article.addEventListener("focusout", function (e) {
      if (!e.relatedTarget || !article.contains(e.relatedTarget)) { hide(); }
    });

    // j/k walk the claims; while a source is selected, only that source's claims
    function move(step) {
      var chosen = article.querySelectorAll(".claim.hl[tabindex]");
      var list = chosen.length ? Array.prototype.slice.call(chosen) : stops;
      if (!list.length) { return; }
      var at = list.indexOf(document.activeElement);
      var next = at < 0 ? (step > 0 ? 0 : list.length - 1) : Math.max(0, Math.min(list.length - 1, at + step));
      list[next].focus();
      list[next].scrollIntoView({ block: "nearest" });
    }
    document.addEventListener("keydown", function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey) { return; }
      var t = e.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
      var inArticle = t && t.classList && t.classList.contains("claim") && article.contains(t);
      if (e.key === "j" || (inArticle && (e.key === "ArrowDown" || e.key === "ArrowRight"))) { move(1); e.preventDefault(); }
      else if (e.key === "k" || (inArticle && (e.key === "ArrowUp" || e.key === "ArrowLeft"))) { move(-1); e.preventDefault(); }
      else if (inArticle && e.key === "Home") { stops[0].focus(); e.preventDefault(); }
      else if (inArticle && e.key === "End") { stops[stops.length - 1].focus(); e.preventDefault(); }
      else if (e.key === "Escape") { hide(); }
    });

    // sources: one selected at a time; selecting it again clears the highlight
    var buttons = Array.prototype.slice.call(document.querySelectorAll(".source-btn"));
    var status = document.getElementById("source-status");
    buttons.forEach(function (btn) {
      btn.addEventListener("click", function () {
        var id = btn.getAttribute("data-source");
        var on = btn.getAttribute("aria-pressed") !== "true";
        buttons.forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
        article.querySelectorAll(".claim.hl").forEach(function (c) { c.classList.remove("hl"); });
        if (!on) { if (status) { status.textContent = "Highlight cleared."; } return; }
        btn.setAttribute("aria-pressed", "true");
        var hits = article.querySelectorAll('.claim[data-source="' + CSS.escape(id) + '"]');
        hits.forEach(function (c) { c.classList.add("hl"); });
        var first = article.querySelector('.claim.hl[tabindex]');
        if (first) { first.scrollIntoView({ block: "nearest" }); }
        if (status) {
          var n = article.querySelectorAll('.claim.hl[tabindex]').length;
          status.textContent = n + (n === 1 ? " claim" : " claims") + " highlighted.";
        }
      });
    });

    // a link into a folded list (a check naming a relation) unfolds it first
    document.querySelectorAll('a.ref[href^="#"]:not([data-claim])').forEach(function (a) {
      a.addEventListener("click", function () {
        var target = document.getElementById(a.getAttribute("href").slice(1));
        var folded = target && target.closest("details:not([open])");
        if (folded) { folded.open = true; }
      });
    });

    // links to claims (timeline, checks) focus the claim they name
    document.querySelectorAll("a.ref[data-claim]").forEach(function (a) {
      a.addEventListener("click", function (e) {
        var target = document.getElementById("claim-" + a.getAttribute("data-claim"));
        if (!target) { return; }
        e.preventDefault();
        target.focus();
        target.scrollIntoView({ block: "center" });
      });
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
