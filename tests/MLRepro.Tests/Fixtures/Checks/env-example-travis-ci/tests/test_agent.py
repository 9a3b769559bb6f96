from agent import QAgent


def test_act_returns_valid_action():
    agent = QAgent(n_states=4, n_actions=2)
    assert agent.act([0.0, 0.0, 0.0, 0.0]) in (0, 1)
