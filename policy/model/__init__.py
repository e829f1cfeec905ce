"""The content as a model: version files read and held to their bytes rules (`source`, `front_matter`,
`characters`), every version of every language (`version`), a version's text as units (`clause`),
their cross-references (`reference`), the Markdown dialect content may use (`dialect`), the day
(`dates`) and every address of the site (`address`)."""
