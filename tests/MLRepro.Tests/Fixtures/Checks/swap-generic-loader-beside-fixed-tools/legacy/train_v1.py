"""First version of the training script, kept for reference: trained on the bundled sample file."""
from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("gpt2")
model = AutoModelForCausalLM.from_pretrained("gpt2")
data = load_dataset("json", data_files="data/sample_instructions.json")
print(len(data["train"]), "records")
