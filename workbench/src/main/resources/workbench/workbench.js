// The workbench's one script: keyboard moves and grading without a reload. Every page works
// without it (forms and links do the same, slower).
(function () {
  "use strict";

  function items(side) {
    return Array.prototype.slice.call(document.querySelectorAll(side ? '.item[data-side="' + side + '"]' : ".item, table.queries tbody tr"));
  }

  function current() {
    var active = document.activeElement;
    if (!active) return null;
    return active.closest(".item, table.queries tbody tr");
  }

  function focusRow(row) {
    if (!row) return;
    if (row.tagName === "TR") {
      var link = row.querySelector("a");
      (link || row).focus();
    } else {
      row.focus();
    }
    row.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    var here = current();
    var list = here && here.dataset.side ? items(here.dataset.side) : items(null);
    if (!here || !here.dataset.side) {
      var rows = items(null).filter(function (r) { return !r.dataset.side || r.dataset.side === "a"; });
      if (!here) return focusRow(rows[0]);
      list = items(null);
    }
    var index = list.indexOf(here);
    focusRow(list[Math.max(0, Math.min(list.length - 1, index + step))]);
  }

  function column(side) {
    var here = current();
    var list = items(side);
    if (!list.length) return;
    var index = here && here.dataset.side ? items(here.dataset.side).indexOf(here) : 0;
    // The same document on the other side if it is there, else the same rank.
    var same = here && list.filter(function (i) { return i.dataset.id === here.dataset.id; })[0];
    focusRow(same || list[Math.min(index, list.length - 1)]);
  }

  function grade(value) {
    var item = current();
    if (!item) return;
    var form = item.querySelector("form.grade");
    if (!form) return;
    send(form, String(value));
  }

  function send(form, value) {
    var body = new URLSearchParams(new FormData(form));
    body.set("grade", value);
    fetch(form.action, { method: "POST", body: body, headers: { Accept: "application/json" } })
      .then(function (response) { return response.json().then(function (json) { return { ok: response.ok, json: json }; }); })
      .then(function (answer) {
        if (!answer.ok) throw new Error(answer.json.error || "grading failed");
        var doc = answer.json.doc;
        document.querySelectorAll('.item[data-id="' + CSS.escape(doc) + '"] form.grade button').forEach(function (button) {
          button.setAttribute("aria-pressed", String(button.value === String(answer.json.grade)));
        });
        status("graded #" + doc + " " + answer.json.grade + " in " + answer.json.file);
      })
      .catch(function (error) { status(error.message, true); });
  }

  function status(text, bad) {
    var line = document.getElementById("status");
    if (!line) {
      line = document.createElement("p");
      line.id = "status";
      line.setAttribute("role", "status");
      line.style.cssText = "position:fixed;bottom:0;left:0;right:0;margin:0;padding:.3rem 1rem;background:#1d2127;color:#fff";
      document.body.appendChild(line);
    }
    line.textContent = text;
    line.style.background = bad ? "#b91c1c" : "#1d2127";
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.classList.contains("grade") && event.submitter) {
      event.preventDefault();
      send(form, event.submitter.value);
    }
  });

  var toggle = document.querySelector(".keys-toggle");
  var keys = document.getElementById("keys");
  function help() {
    keys.hidden = !keys.hidden;
    toggle.setAttribute("aria-expanded", String(!keys.hidden));
  }
  if (toggle) toggle.addEventListener("click", help);

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.tagName === "INPUT" || target.tagName === "SELECT" || target.tagName === "TEXTAREA");
    if (event.key === "Escape") {
      if (!keys.hidden) help();
      if (typing) target.blur();
      return;
    }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "h": column("a"); break;
      case "l": column("b"); break;
      case "0": case "1": case "2": case "3": grade(Number(event.key)); break;
      case "/": {
        var first = document.querySelector("#view-form input:not([type=hidden]), #view-form select");
        if (first) first.focus();
        break;
      }
      case "?": help(); break;
      case "Enter": {
        var row = current();
        if (row && row.tagName === "TR" && target === row) {
          var link = row.querySelector("a");
          if (link) link.click();
        }
        return;
      }
      default: return;
    }
    event.preventDefault();
  });
})();
