// The language switcher keeps the reader's place: the clause in the address (#p-5-2) when it is in
// view, else the clause, row or version at the top of the screen, and the history's ?on= day. It
// remembers the choice for the chooser's script (root/assets/chooser.js), which then does not
// redirect again; where the shop's nginx serves the site, its cookie remembers the choice,
// JavaScript or not.
(function () {
  var PLACES = "article [id^='p-'], article [id^='v-']";
  var SLIVER = 16;

  function inView(element) {
    var box = element && element.getBoundingClientRect();
    return box && box.bottom > 0 && box.top < innerHeight;
  }

  // Where the reader is: the anchored element at the top of the screen, under the header, once the
  // page's title has scrolled away; the last pixels of a row or heading scrolled almost out of view
  // are not what is being read.
  function place() {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var header = document.querySelector(".md-header");
    var below = header ? header.getBoundingClientRect().bottom : 0;
    var title = document.querySelector("article h1");
    if (inView(target) || !title || title.getBoundingClientRect().bottom > below) return location.hash;
    var top = [].find.call(document.querySelectorAll(PLACES), function (element) {
      return element.getBoundingClientRect().bottom > below + SLIVER;
    });
    return top ? "#" + top.id : location.hash;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[hreflang]");
    if (!link) return;
    link.search = location.search;
    link.hash = place();
    try { localStorage.setItem("policy-language", link.hreflang); } catch (e) { /* storage off */ }
  });

  // A reader coming back to a page finds the drawer and search closed. Browsers restore a checkbox's
  // state on going back; Material prevented it with autocomplete="off", which HTML does not allow on
  // a checkbox (theme/base.html leaves it out). Material follows the toggles by their change event.
  addEventListener("pageshow", function () {
    document.querySelectorAll("input.md-toggle[data-md-toggle]").forEach(function (toggle) {
      if (!toggle.checked) return;
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    });
  });
})();
