def register_pipelines(): return {}
