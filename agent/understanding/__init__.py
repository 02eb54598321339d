"""Reading a chat message: its intent, the request it makes, and how it changes the last one.

reader.understand runs the rule-based passes (titles, people, numbers, the phrase walk);
intents.classify tells what kind of turn a message is; llm_reader.read_message lets a chat
model have the first word when one is configured; merge folds a follow-up onto the last request.
"""
