import argparse

import yaml
from stable_baselines3 import A2C, PPO
from stable_baselines3.common.env_util import make_vec_env

ALGOS = {"ppo": PPO, "a2c": A2C}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--algo", choices=sorted(ALGOS), default="ppo")
    parser.add_argument("--env", default="CartPole-v1")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    # one file of tuned values per algorithm, one section per environment
    with open(f"hyperparams/{args.algo}.yml") as f:
        hyperparams = yaml.safe_load(f)[args.env]
    n_timesteps = int(hyperparams.pop("n_timesteps"))
    n_envs = hyperparams.pop("n_envs")
    policy = hyperparams.pop("policy")
    env = make_vec_env(args.env, n_envs=n_envs, seed=args.seed)
    model_class = ALGOS[args.algo]
    model = model_class(policy, env, seed=args.seed, verbose=1, **hyperparams)
    model.learn(total_timesteps=n_timesteps)
    model.save(f"logs/{args.algo}_{args.env}")


if __name__ == "__main__":
    main()
