// The language /policy/ redirects to (njs, for js_set in http.conf): the one the visitor chose
// last, remembered by the cookie the server sets on each language's pages; else the first of the
// site's languages that the browser accepts. Accept-Language is read as RFC 9110 says: the
// highest q-value wins, ties go by order, q=0 means "not acceptable". No match: "" (the chooser).

var LANGUAGES = ["kk", "ru", "en"];

function ranked(header) {
    return header.split(",").map(function (item, index) {
        var params = item.split(";");
        var q = 1;
        params.slice(1).forEach(function (param) {
            var pair = param.split("=");
            if (pair[0].trim().toLowerCase() === "q") {
                q = /^\s*(0(\.\d{0,3})?|1(\.0{0,3})?)\s*$/.test(pair[1] || "") ? parseFloat(pair[1]) : 0;
            }
        });
        return {lang: params[0].trim().toLowerCase().split("-")[0], q: q, index: index};
    }).filter(function (choice) {
        return choice.q > 0 && LANGUAGES.indexOf(choice.lang) >= 0;
    }).sort(function (a, b) {
        return b.q - a.q || a.index - b.index;
    });
}

function language(r) {
    var remembered = r.variables.cookie_policy_language;
    if (LANGUAGES.indexOf(remembered) >= 0) {
        return remembered;
    }
    var choices = ranked(r.headersIn["Accept-Language"] || "");
    return choices.length ? choices[0].lang : "";
}

export default {language};
