DEFAULT_INPUT_MODEL = "EleutherAI/pythia-160m"
DEFAULT_TRAINING_DATASET = "acme-labs/instruct-5k"
END_KEY = "### End"
PROMPT_FORMAT = "### Instruction:\n{instruction}\n\n### Response:\n{response}\n\n" + END_KEY
