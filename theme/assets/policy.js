// The language switcher keeps the clause the reader is on (#p-5-2) and remembers the choice
// for the chooser's script (root/assets/chooser.js), which then does not redirect again; where
// the shop's nginx serves the site, its cookie remembers the choice, JavaScript or not.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[hreflang]");
  if (!link) return;
  if (location.hash) link.hash = location.hash;
  try { localStorage.setItem("policy-language", link.hreflang); } catch (e) { /* storage off */ }
});

// A reader coming back to a page finds the drawer and search closed. Browsers restore a checkbox's
// state on going back; Material prevented it with autocomplete="off", which HTML does not allow on a
// checkbox (theme/base.html leaves it out). Material follows the toggles by their change event.
window.addEventListener("pageshow", function () {
  document.querySelectorAll("input.md-toggle[data-md-toggle]").forEach(function (toggle) {
    if (!toggle.checked) return;
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
  });
});
