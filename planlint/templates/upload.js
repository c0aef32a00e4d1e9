(function () {
  "use strict";
  var words = JSON.parse(document.getElementById("words").textContent);
  var limit = Number(document.body.getAttribute("data-limit"));
  var drop = document.getElementById("drop");
  var input = document.getElementById("file");
  var status = document.getElementById("status");

  function show(message, failed) {
    status.textContent = message;
    status.className = failed ? "error" : "";
  }

  function send(name, body) {
    if (body.size > limit) { show(words.tooLarge, true); return; }
    show(words.checking.replace("{name}", name), false);
    fetch("report", {
      method: "POST",
      headers: { "X-Planlint-Name": encodeURIComponent(name), "Content-Type": "application/octet-stream" },
      body: body
    }).then(function (response) {
      return response.text().then(function (text) {
        if (!response.ok) {
          var said;
          try { said = JSON.parse(text).error; } catch (error) { said = response.status + " " + response.statusText; }
          show(said, true);
          return;
        }
        location.assign(URL.createObjectURL(new Blob([text], { type: "text/html;charset=utf-8" })));
      });
    }, function () { show(words.unreachable, true); });
  }

  /* The whole page takes a drop: a file dropped beside the box must not open in the browser instead. */
  ["dragenter", "dragover"].forEach(function (type) {
    document.addEventListener(type, function (event) { event.preventDefault(); drop.classList.add("over"); });
  });
  document.addEventListener("dragleave", function (event) {
    if (!event.relatedTarget) { drop.classList.remove("over"); }
  });
  document.addEventListener("drop", function (event) {
    event.preventDefault();
    drop.classList.remove("over");
    var file = event.dataTransfer.files[0];
    if (file) { send(file.name, file); }
  });
  input.addEventListener("change", function () {
    if (input.files[0]) { send(input.files[0].name, input.files[0]); }
  });
  document.getElementById("paste").addEventListener("submit", function (event) {
    event.preventDefault();
    var text = document.getElementById("text").value;
    if (!text.trim()) { show(words.empty, true); return; }
    send(words.pasted, new Blob([text], { type: "text/plain;charset=utf-8" }));
  });
})();
