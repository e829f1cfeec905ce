// The language switcher keeps the clause the reader is on (#p-5-2) and remembers the choice
// for the chooser's script (root/assets/chooser.js), which then does not redirect again; where
// the shop's nginx serves the site, its cookie remembers the choice, JavaScript or not.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[hreflang]");
  if (!link) return;
  if (location.hash) link.hash = location.hash;
  try { localStorage.setItem("policy-language", link.hreflang); } catch (e) { /* storage off */ }
});
