"""Anonymous indicators for the BQVT and the observatory: weekly counters, unanswered questions
(when an establishment turns them on), and the quarterly report. Stored in the tickets database,
through the same Alembic history (tickets/migrations). Never reads the environment."""
