def create_pipeline(**kwargs): pass
