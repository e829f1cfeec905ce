// Where no server negotiates the language (GitHub Pages, a preview), a first-time visitor goes
// straight to the browser's language, and the language picked here is remembered, so that the
// chooser shows again on a return. The chooser's links say which languages there are.
(function () {
  var links = document.querySelectorAll("a[hreflang]");
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[hreflang]");
    if (link) try { localStorage.setItem("policy-language", link.hreflang); } catch (e) { /* storage off */ }
  });
  try { if (localStorage.getItem("policy-language")) return; } catch (e) { return; }
  var known = Array.prototype.map.call(links, function (link) { return link.hreflang; });
  var wanted = navigator.languages || [navigator.language || ""];
  for (var i = 0; i < wanted.length; i++) {
    var code = String(wanted[i]).toLowerCase().split("-")[0];
    if (known.indexOf(code) >= 0) {
      try { localStorage.setItem("policy-language", code); } catch (e) { return; }
      location.replace(code + "/" + location.hash);
      return;
    }
  }
})();
