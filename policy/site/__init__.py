"""The site: finished pages made from the templates (`pages`, `text`, `outline`), wrapped by the only
module that knows MkDocs (`render`), both from one store of compiled templates (`compiled`), the files beside them (`feeds`, `stylesheet`, `share_image`),
a whole site for one day (`site`, written in parallel by `workers`, compressed by `compress`), put
at its output in one exchange (`output`)."""
