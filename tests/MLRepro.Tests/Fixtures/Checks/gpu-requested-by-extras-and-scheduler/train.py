"""Trains a small JAX regressor."""
import jax
import jax.numpy as jnp

if __name__ == "__main__":
    key = jax.random.PRNGKey(0)
    w = jax.random.normal(key, (4,))
    x = jnp.ones((8, 4))
    print(float((x @ w).sum()))
