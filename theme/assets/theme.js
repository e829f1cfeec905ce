// What the pages need of Material's bundle.js, which they do not load (35 KB gzip for every feature
// Material has): the sidebars and the header follow the scroll as Material's do, the table of
// contents marks the section being read (toc.follow), a jump to an anchor closes the drawer and
// the search, and the search (search.js, with its index) loads when the visitor first opens it.
// Without JavaScript the pages work as before: the drawer and the search are CSS toggles, the
// language switcher a menu that opens on hover and focus.
(function () {
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  var header = document.querySelector(".md-header");
  var main = document.querySelector(".md-main");
  var title = document.querySelector("[data-md-component=header-title]");
  var heading = document.querySelector(".md-content h1");
  var query = document.querySelector(".md-search__input");
  var search = new URL("search.js", document.currentScript.src);

  // Material's media queries for the sidebars: the navigation beside the text from 76.25em, the
  // table of contents from 60em; below them each is part of the drawer.
  var sidebars = [].map.call(document.querySelectorAll(".md-sidebar"), function (sidebar) {
    var navigation = sidebar.getAttribute("data-md-type") === "navigation";
    return {element: sidebar, inner: sidebar.querySelector(".md-sidebar__scrollwrap"),
            media: matchMedia(navigation ? "(min-width: 76.25em)" : "(min-width: 60em)")};
  });
  var tocs = [].map.call(document.querySelectorAll("[data-md-component=toc]"), function (toc) {
    var links = [].filter.call(toc.querySelectorAll(".md-nav__link"), function (link) {
      return document.getElementById(decodeURIComponent(link.hash.slice(1)));
    });
    return {links: links, active: null};
  });

  function pageTop(element) {
    return element.getBoundingClientRect().top + scrollY;
  }

  // Each sidebar's scrolling area is as tall as the part of the main area in view (Material's
  // mountSidebar), so a long table of contents scrolls on its own and stops above the footer.
  function fitSidebars() {
    var offset = header.offsetHeight, top = main.offsetTop, bottom = top + main.offsetHeight;
    var visible = Math.max(0, innerHeight - Math.max(0, top - scrollY, offset)
                           - Math.max(0, innerHeight + scrollY - bottom));
    sidebars.forEach(function (sidebar) {
      if (!sidebar.media.matches) {
        sidebar.inner.style.height = sidebar.element.style.top = "";
        return;
      }
      var grid = sidebar.element.closest(".md-grid");
      var adjust = grid.offsetTop - grid.parentElement.offsetTop;
      var height = visible + Math.min(adjust, Math.max(0, scrollY - (top - offset))) - adjust;
      sidebar.inner.style.height = height - 2 * sidebar.inner.offsetTop + "px";
      sidebar.element.style.top = offset + "px";
    });
  }

  // The header shows the page's title once its first heading has scrolled under the header.
  function swapTitle() {
    if (!heading) return;
    var height = heading.offsetHeight;
    title.classList.toggle("md-header__title--active",
                           height > 0 && heading.getBoundingClientRect().bottom <= header.offsetHeight);
  }

  // The sections scrolled past are "passed", the last of them "active", and the table of
  // contents scrolls to keep it in view (Material's mountTableOfContents with toc.follow).
  function markSections() {
    var grid = main.firstElementChild;
    var adjust = header.offsetHeight + 0.8 * (grid.offsetTop - main.offsetTop);
    var end = scrollY + innerHeight >= Math.floor(document.body.offsetHeight);
    tocs.forEach(function (toc) {
      var passed = toc.links.filter(function (link) {
        var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
        return end || pageTop(target) - adjust < scrollY;
      });
      var active = passed[passed.length - 1] || null;
      toc.links.forEach(function (link) {
        link.classList.toggle("md-nav__link--passed", passed.indexOf(link) >= 0);
        link.classList.toggle("md-nav__link--active", link === active);
      });
      if (active === toc.active) return;
      toc.active = active;
      var container = active && active.offsetHeight && active.closest(".md-sidebar__scrollwrap");
      if (container) container.scrollTo({top: active.offsetTop - container.offsetTop - container.offsetHeight / 2});
    });
  }

  // As in Material, the header and the table of contents change in the scroll event itself,
  // before the browser paints; the sidebars' heights once a frame.
  var pending = false;
  function follow() {
    swapTitle();
    markSections();
    if (!pending) requestAnimationFrame(function () {
      pending = false;
      fitSidebars();
    });
    pending = true;
  }
  addEventListener("scroll", follow, {passive: true});
  addEventListener("resize", follow);
  addEventListener("load", follow);
  fitSidebars();
  swapTitle();
  markSections();

  // Clicking a toggle's input (not setting `checked`) fires its change event, as Material does.
  function toggle(id, on) {
    var input = document.getElementById(id);
    if (input.checked !== on) input.click();
  }
  addEventListener("hashchange", function () {
    setTimeout(function () {
      toggle("__drawer", false);
      toggle("__search", false);
    }, 125);
  });

  // The search: its script loads on the first focus of the search field; a click on the search
  // button focuses the field (so that phones show their keyboard), and so do "/", "s" and "f".
  // The search opens a moment after the focus, once the button's own click has toggled it.
  if (!query) return;
  var loaded = false;
  function openSearch() {
    toggle("__search", true);
    if (loaded) return;
    loaded = true;
    var script = document.createElement("script");
    script.src = search.href;
    document.body.appendChild(script);
  }
  query.addEventListener("focus", function () {
    setTimeout(openSearch, 1);
  });
  document.querySelector(".md-header__button[for=__search]").addEventListener("click", function () {
    query.focus();
  });
  addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.metaKey || event.ctrlKey || event.altKey || document.getElementById("__search").checked) return;
    if (/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) || target.isContentEditable) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      query.focus();
      query.select();
    }
  });
})();
