// The history page's date field: which version was in force on a day. The build put the answers in
// the page (#in-force-data): each version's effective date, and its name, period and links already
// written in the page's language, so nothing here formats a date. Dates are compared as the
// YYYY-MM-DD text of the date field, oldest version first. history/?on=2025-05-03 opens with that
// day's answer; choosing a day puts it in the address, to share.
(function () {
  var box = document.querySelector(".in-force");
  var source = document.getElementById("in-force-data");
  if (!box || !source) return;
  var data = JSON.parse(source.textContent);
  var input = document.getElementById("in-force-date");
  var answer = document.getElementById("in-force-answer");

  function element(name, text) {
    var made = document.createElement(name);
    if (text) made.textContent = text;
    return made;
  }

  function link(href, text) {
    var made = element("a", text);
    made.href = href;
    return made;
  }

  function show(day) {
    answer.replaceChildren();
    if (!day) return;
    var found = null;
    data.versions.forEach(function (version) { if (version.date <= day) found = version; });
    if (!found) {
      answer.append(element("p", data.none));
      return;
    }
    var first = element("p");
    first.append(element("strong", data.lead), " ", link(found.page, found.label), element("br"), found.period);
    answer.append(first, element("p"));
    answer.lastChild.append(link(found.changes, data.changes));
    if (day > data.today) answer.append(element("p", data.future));
  }

  input.addEventListener("change", function () {
    show(input.value);
    var address = new URL(location.href);
    if (input.value) address.searchParams.set("on", input.value);
    else address.searchParams.delete("on");
    history.replaceState(null, "", address);
  });

  var asked = new URLSearchParams(location.search).get("on");
  if (asked) {
    input.value = asked;  // the field keeps only a real date, YYYY-MM-DD
    show(input.value);
  }
})();
