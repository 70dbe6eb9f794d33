"""rasa-sdk custom actions: thin glue from the tracker to knowledge_base/ and back."""
