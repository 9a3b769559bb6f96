import argparse

import yaml

parser = argparse.ArgumentParser(description='Writes a tmuxp session that runs every environment with several seeds')
parser.add_argument('--num-seeds', type=int, default=4)
args = parser.parse_args()

template = 'python main.py --env-name {0} --lr 3e-4 --num-steps 2048 --log-dir /tmp/gym/{1}/{1}-{2} --seed {2}'
config = {'session_name': 'run-all', 'windows': []}
for seed in range(args.num_seeds):
    panes = [template.format(env, env.split('-')[0].lower(), seed) for env in ['Hopper-v2', 'Walker2d-v2']]
    config['windows'].append({'window_name': 'seed-{}'.format(seed), 'panes': panes})

yaml.dump(config, open('run_all.yaml', 'w'), default_flow_style=False)
