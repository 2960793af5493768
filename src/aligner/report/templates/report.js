(function () {
  "use strict";
  var form = document.getElementById("controls");
  var table = document.getElementById("beads");
  if (!form || !table) { return; }
  var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr.bead"));
  var texts = null;  // row text, read on the first search
  var types = rows.map(function (r) { return (r.getAttribute("data-flags") || "").split(" ").filter(Boolean); });
  var q = document.getElementById("q");
  var only = document.getElementById("only-flagged");
  var type = document.getElementById("flag-type");
  var shown = document.getElementById("shown");
  var none = document.getElementById("no-rows");
  var buttons = Array.prototype.slice.call(document.querySelectorAll("[data-filter-type]"));

  function apply() {
    var needle = q.value.trim().toLowerCase();
    if (needle && texts === null) {
      texts = rows.map(function (r) { return (r.textContent || "").toLowerCase(); });
    }
    var wanted = type.value;
    var n = 0;
    rows.forEach(function (row, i) {
      var show = (!only.checked || types[i].length > 0) &&
        (!wanted || types[i].indexOf(wanted) >= 0) &&
        (!needle || texts[i].indexOf(needle) >= 0);
      if (row.hidden === show) { row.hidden = !show; }
      if (show) { n += 1; }
    });
    buttons.forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-filter-type") === wanted));
    });
    shown.textContent = n + " of " + rows.length + " beads shown";
    none.hidden = n > 0;
  }

  function clear() {
    q.value = "";
    only.checked = false;
    type.value = "";
    apply();
  }

  form.hidden = false;
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("reset", function (e) { e.preventDefault(); clear(); });
  q.addEventListener("input", apply);
  only.addEventListener("change", apply);
  type.addEventListener("change", apply);
  buttons.forEach(function (b) {
    b.addEventListener("click", function () {
      var t = b.getAttribute("data-filter-type");
      type.value = type.value === t ? "" : t;
      apply();
      table.scrollIntoView({ block: "start" });
    });
  });
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (target && target.hidden) { clear(); target.scrollIntoView({ block: "center" }); }
  }
  window.addEventListener("hashchange", reveal);
  document.addEventListener("keydown", function (e) {
    var t = e.target || {};
    var typing = t.isContentEditable || /^(TEXTAREA|SELECT)$/.test(t.tagName || "") ||
      (t.tagName === "INPUT" && !/^(checkbox|radio|button|reset|submit)$/.test(t.type));
    if (e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !typing) {
      e.preventDefault();
      q.focus();
    } else if (e.key === "Escape" && e.target === q) {
      q.value = "";
      apply();
    }
  });
  // Compact rows: one line of figures per bead, the flag messages as tooltips.
  var compact = document.getElementById("compact");
  function layout() { table.classList.toggle("compact", compact.checked); }
  compact.addEventListener("change", layout);
  layout();

  // Review decisions: flags marked accepted are saved as a decisions file (aligner --accept FILE).
  var boxes = Array.prototype.slice.call(table.querySelectorAll("input.accept-flag"));
  var count = document.getElementById("accepted-count");
  var save = document.getElementById("save-decisions");
  function accepted() { return boxes.filter(function (b) { return b.checked; }); }
  function recount() {
    var n = accepted().length;
    count.textContent = n + (n === 1 ? " flag" : " flags") + " accepted";
    boxes.forEach(function (b) {
      var li = b.closest("li");
      if (li) { li.classList.toggle("is-accepted", b.checked); }
    });
  }
  boxes.forEach(function (b) { b.addEventListener("change", recount); });
  if (save) {
    save.addEventListener("click", function () {
      var summary = {};
      try { summary = JSON.parse(document.getElementById("aligner-summary").textContent); } catch (e) { summary = {}; }
      var data = {
        format: "aligner-decisions", version: 1, signature: summary.signature || "",
        source: (summary.source || {}).path || null, target: (summary.target || {}).path || null,
        accepted: accepted().map(function (b) {
          return { id: b.value, type: b.getAttribute("data-type"), severity: b.getAttribute("data-severity"),
                   bead: Number(b.getAttribute("data-bead")) };
        })
      };
      var blob = new Blob([JSON.stringify(data, null, 1) + "\n"], { type: "application/json" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "decisions.json";
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
    });
  }
  recount();
  if (q.value || only.checked || type.value) { apply(); }  // controls restored by the browser
  reveal();
}());
