// Material's storage helpers, as its partials/javascripts/base.html defines them in an inline
// script; here in a file, so that the Content-Security-Policy needs no 'unsafe-inline'.
// The scope, where Material keeps its settings, is the language's root: Material derives it from
// the page's base_url, this file from its own address, <lang>/assets/material-storage.js.
var __md_scope = new URL("..", document.currentScript.src);

var __md_hash = function (text) {
  return [...text].reduce(function (hash, char) { return (hash << 5) - hash + char.charCodeAt(0); }, 0);
};

var __md_get = function (key, storage = localStorage, scope = __md_scope) {
  return JSON.parse(storage.getItem(scope.pathname + "." + key));
};

var __md_set = function (key, value, storage = localStorage, scope = __md_scope) {
  try { storage.setItem(scope.pathname + "." + key, JSON.stringify(value)); } catch (e) { /* storage off */ }
};
