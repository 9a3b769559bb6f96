import torch

from model import GPT

# default config values, overridden from the command line
device = "cuda"
batch_size = 12
max_iters = 5000
dtype = "bfloat16" if torch.cuda.is_available() and torch.cuda.is_bf16_supported() else "float16"
ptdtype = {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}[dtype]

model = GPT()
model.to(device)
optimizer = torch.optim.AdamW(model.parameters(), lr=6e-4)
for it in range(max_iters):
    x = torch.randint(0, 50304, (batch_size, 1024), device=device)
    with torch.autocast(device_type="cuda", dtype=ptdtype):
        loss = model(x)
    loss.backward()
    optimizer.step()
    if torch.cuda.is_available():
        print(f"iter {it}: loss {loss.item():.4f}, mem {torch.cuda.max_memory_allocated() / 1e9:.2f} GB")
torch.save(model.state_dict(), "out/ckpt.pt")
