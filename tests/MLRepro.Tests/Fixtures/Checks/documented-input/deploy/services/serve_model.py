"""Ray Serve entry point used by the cloud deployment job."""
import json

run_id = [line.strip() for line in open("run_id.txt")][0]


def entrypoint(request):
    return json.dumps({"run_id": run_id, "input": request})
