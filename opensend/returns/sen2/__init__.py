"""The DfE SEN2 person-level return: records, file layout, reading, writing, validation,
statistics (pure modules), and its projection from and into the register and casework."""
