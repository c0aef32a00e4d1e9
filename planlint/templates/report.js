(function () {
  "use strict";
  /* Document text is only ever set as textContent: never as markup. */
  var words = JSON.parse(document.getElementById("words").textContent);
  var SEVERITY_RANK = { info: 0, warning: 1, error: 2 };
  var DOCUMENT_PLACE = /^#d(\d+)(?:[Lm]\d+)?$/;  /* a document, one of its lines, one of its marks */
  var docs = Array.prototype.slice.call(document.querySelectorAll("details.doc"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("li.finding"));
  var ruleBoxes = Array.prototype.slice.call(document.querySelectorAll(".rule-list input[type=checkbox]"));
  var laidOut = {};
  var hiddenRules = new Set();

  function say(key, values) {
    return words[key].replace(/\{(\w+)\}/g, function (whole, name) { return String(values[name]); });
  }

  function codePoints(text) {
    return /[\uD800-\uDFFF]/.test(text) ? Array.from(text) : null;
  }

  function slice(text, points, start, end) {
    return points ? points.slice(start, end).join("") : text.slice(start, end);
  }

  function messageOf(doc, k) {
    var row = document.getElementById("d" + doc + "f" + k);
    return row ? row.querySelector(".code").textContent + " " + row.querySelector(".msg").textContent : "";
  }

  /* The marks of one line: [start, end, k, severity, rule] in code points, end exclusive. */
  function marksByLine(data, lineCount) {
    var byLine = new Map();
    data.marks.forEach(function (mark) {
      var k = mark[0], line = mark[1], column = mark[2], endLine = mark[3], endColumn = mark[4];
      var last = Math.max(line, Math.min(endLine, lineCount || endLine));
      for (var n = line; n <= last; n++) {
        var start = n === line ? column - 1 : 0;
        var end = n === endLine ? endColumn - 1 : Infinity;
        if (!byLine.has(n)) { byLine.set(n, []); }
        byLine.get(n).push([start, end, k, mark[5], mark[6]]);
      }
    });
    return byLine;
  }

  /* ``named``: the findings whose mark already carries their id (a span runs over several lines). */
  function lineElement(doc, number, text, marks, named) {
    var element = document.createElement("div");
    element.className = "ln";
    element.id = "d" + doc + "L" + number;
    element.setAttribute("data-n", number);
    if (!marks) {
      element.textContent = text;
      return element;
    }
    var points = codePoints(text);
    var length = points ? points.length : text.length;
    var cuts = new Set([0, length]);
    marks.forEach(function (mark) {
      mark[0] = Math.min(Math.max(mark[0], 0), length);
      mark[1] = Math.min(mark[1], length);
      cuts.add(mark[0]);
      cuts.add(mark[1]);
    });
    var edges = Array.from(cuts).sort(function (a, b) { return a - b; });
    function markElement(covering, content, point) {
      var mark = document.createElement("mark");
      var worst = "info";
      var titles = [];
      covering.forEach(function (m) {
        if (SEVERITY_RANK[m[3]] > SEVERITY_RANK[worst]) { worst = m[3]; }
        if (!named[m[2]]) {
          named[m[2]] = true;
          if (mark.id) {
            var anchor = document.createElement("span");
            anchor.className = "anchor";
            anchor.id = "d" + doc + "m" + m[2];
            element.appendChild(anchor);
          } else {
            mark.id = "d" + doc + "m" + m[2];
          }
        }
        titles.push(messageOf(doc, m[2]));
      });
      mark.className = "sev-" + worst + (point ? " point" : "");
      mark.setAttribute("data-f", covering.map(function (m) { return m[2]; }).join(" "));
      mark.setAttribute("data-rules", covering.map(function (m) { return m[4]; }).join(" "));
      mark.title = titles.join("\n");
      mark.textContent = content;
      return mark;
    }
    function pointsAt(position) {
      return marks.filter(function (m) { return m[0] === position && m[1] <= m[0]; });
    }
    for (var i = 0; i < edges.length; i++) {
      var at = edges[i];
      var empty = pointsAt(at);
      if (empty.length) { element.appendChild(markElement(empty, "\u2038", true)); }
      if (i + 1 === edges.length) { break; }
      var next = edges[i + 1];
      var piece = slice(text, points, at, next);
      var covering = marks.filter(function (m) { return m[0] <= at && m[1] >= next && m[1] > m[0]; });
      element.appendChild(covering.length ? markElement(covering, piece, false) : document.createTextNode(piece));
    }
    return element;
  }

  /* A document's text is laid out when it is opened: the first lines at once, the rest a
     chunk at a time, so that even a very long document answers at once.  ``rest[doc]``
     lays out what is left in one go (a jump to a line further on, printing). */
  var CHUNK = 2000;
  var rest = {};

  function layOut(details) {
    var doc = details.getAttribute("data-doc");
    if (laidOut[doc]) { return; }
    laidOut[doc] = true;
    var data = JSON.parse(document.getElementById("d" + doc + "-data").textContent);
    var lines = data.lines ? data.lines.map(function (text, i) { return [i + 1, text]; }) : data.excerpts;
    var byLine = marksByLine(data, data.lines ? data.lines.length : 0);
    var named = {};
    var box = document.getElementById("d" + doc + "-text");
    var next = 0;
    var previous = 0;
    function more(upTo) {
      var fragment = document.createDocumentFragment();
      for (; next < lines.length && next < upTo; next++) {
        var pair = lines[next];
        if (!data.lines && pair[0] > previous + 1) {
          var gap = document.createElement("div");
          gap.className = "ln gap";
          gap.textContent = "\u22ef";
          fragment.appendChild(gap);
        }
        previous = pair[0];
        fragment.appendChild(lineElement(doc, pair[0], pair[1], byLine.get(pair[0]), named));
      }
      markFiltered(fragment);
      box.appendChild(fragment);
      if (next >= lines.length) { delete rest[doc]; }
    }
    more(CHUNK);
    if (next < lines.length) {
      rest[doc] = function () { more(Infinity); };
      var step = function () {
        if (!rest[doc]) { return; }
        more(next + CHUNK);
        if (rest[doc]) { setTimeout(step, 0); }
      };
      setTimeout(step, 0);
    }
  }

  function layOutAll(doc) {
    if (rest[doc]) { rest[doc](); }
  }

  function markFiltered(box) {
    box.querySelectorAll("mark").forEach(function (mark) {
      var shown = mark.getAttribute("data-rules").split(" ").some(function (rule) { return !hiddenRules.has(rule); });
      mark.classList.toggle("off", !shown);
    });
  }

  function checked(filter) {
    var values = new Set();
    document.querySelectorAll("[data-filter=" + filter + "] input:checked").forEach(function (box) { values.add(box.value); });
    return values;
  }

  function applyFilters() {
    var severities = checked("severity");
    var categories = checked("category");
    hiddenRules = new Set();
    ruleBoxes.forEach(function (box) {
      if (!box.checked || !severities.has(box.getAttribute("data-severity")) || !categories.has(box.getAttribute("data-category"))) {
        hiddenRules.add(box.value);
      }
    });
    var perDoc = {};
    var shown = 0;
    rows.forEach(function (row) {
      var hide = hiddenRules.has(row.getAttribute("data-rule"));
      row.hidden = hide;
      if (!hide) {
        shown += 1;
        var doc = row.id.slice(1, row.id.indexOf("f"));
        perDoc[doc] = (perDoc[doc] || 0) + 1;
      }
    });
    var output = document.getElementById("shown");
    output.textContent = say("shown", { shown: shown, total: output.getAttribute("data-total") });
    output.setAttribute("data-shown", shown);
    docs.forEach(function (details) {
      var doc = details.getAttribute("data-doc");
      var visible = details.querySelector("summary .visible");
      var total = Number(visible.getAttribute("data-total"));
      var count = perDoc[doc] || 0;
      visible.textContent = count === total ? "" : say("shown", { shown: count, total: total });
      if (laidOut[doc]) { markFiltered(document.getElementById("d" + doc + "-text")); }
    });
  }

  function flash(element) {
    element.classList.add("flash");
    setTimeout(function () { element.classList.remove("flash"); }, 1600);
  }

  function jump(doc, id) {
    var details = document.getElementById("d" + doc);
    if (!details) { return false; }
    details.open = true;
    layOut(details);
    if (!document.getElementById(id)) { layOutAll(doc); }
    var target = document.getElementById(id) || details;
    while (target.classList.contains("anchor")) { target = target.nextElementSibling; }  /* to the mark it names */
    target.scrollIntoView({ block: target === details ? "start" : "center" });
    if (target !== details) { flash(target); }
    history.replaceState(null, "", "#" + id);
    return true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#d']");
    var place = link && DOCUMENT_PLACE.exec(link.getAttribute("href"));
    if (place && jump(place[1], link.getAttribute("href").slice(1))) {
      event.preventDefault();
      return;
    }
    var mark = event.target.closest("mark[data-f]");
    if (mark) {
      var doc = mark.parentNode.id.slice(1, mark.parentNode.id.indexOf("L"));
      var row = document.getElementById("d" + doc + "f" + mark.getAttribute("data-f").split(" ")[0]);
      if (row) { row.scrollIntoView({ block: "center" }); flash(row); }
      return;
    }
    var only = event.target.closest("[data-only-rule]");
    if (only) {
      var code = only.getAttribute("data-only-rule");
      document.querySelectorAll("[data-filter] input").forEach(function (box) { box.checked = true; });
      ruleBoxes.forEach(function (box) { box.checked = box.value === code; });
      applyFilters();
      return;
    }
    var all = event.target.closest("[data-rules]");
    if (all) {
      ruleBoxes.forEach(function (box) { box.checked = all.getAttribute("data-rules") === "all"; });
      applyFilters();
      return;
    }
    var sorter = event.target.closest("th button[data-sort]");
    if (sorter) { sortTable(sorter); }
  });

  document.addEventListener("change", function (event) {
    if (event.target.closest(".toolbar")) { applyFilters(); }
  });

  docs.forEach(function (details) {
    details.addEventListener("toggle", function () { if (details.open) { layOut(details); } });
  });

  function sortTable(button) {
    var cell = button.closest("th");
    var table = cell.closest("table");
    var column = Array.prototype.indexOf.call(cell.parentNode.children, cell);
    var numeric = button.getAttribute("data-sort") === "number";
    var descending = button.getAttribute("data-order") !== "descending";
    table.querySelectorAll("th button").forEach(function (other) { other.removeAttribute("data-order"); });
    button.setAttribute("data-order", descending ? "descending" : "ascending");
    var body = table.tBodies[0];
    var sorted = Array.prototype.slice.call(body.rows).sort(function (a, b) {
      var x = a.cells[column].getAttribute("data-value"), y = b.cells[column].getAttribute("data-value");
      var order = numeric ? Number(x) - Number(y) : x.localeCompare(y, "zh");
      return descending ? -order : order;
    });
    sorted.forEach(function (row) { body.appendChild(row); });
  }

  var openBeforePrint = [];
  window.addEventListener("beforeprint", function () {
    openBeforePrint = docs.map(function (details) { return details.open; });
    docs.forEach(function (details) { details.open = true; layOut(details); layOutAll(details.getAttribute("data-doc")); });
  });
  window.addEventListener("afterprint", function () {
    docs.forEach(function (details, i) { details.open = openBeforePrint[i]; });
  });

  docs.forEach(function (details) { if (details.open) { layOut(details); } });
  applyFilters();
  var wanted = DOCUMENT_PLACE.exec(location.hash);
  if (wanted) { jump(wanted[1], location.hash.slice(1)); }
})();
