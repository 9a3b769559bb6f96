DATA_PATH="sample/data_sample.jsonl"
OUTPUT_PATH="lora-out"

python finetune.py \
  --data_path $DATA_PATH \
  --output_path $OUTPUT_PATH
