"""Languages and words: the languages the policy is published in (`language`), messages for editors
kept as template and values (`message`), every language's catalog and dates (`locale`) and the
Kazakh dates' cases (`kazakh`)."""
