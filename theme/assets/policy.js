// The language switcher keeps the clause the reader is on (#p-5-2) and remembers the choice,
// so the language chooser at the site's root does not redirect again.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[hreflang]");
  if (!link) return;
  if (location.hash) link.hash = location.hash;
  try { localStorage.setItem("policy-language", link.hreflang); } catch (e) { /* storage off */ }
});
