"""Indonesian language data for news: tokenizer exceptions, speech verbs, month and day names."""
