import numpy as np
import visdom


class DrawLine:
    """Appends points to one line plot on the running Visdom server."""

    def __init__(self, env, title, xlabel=None, ylabel=None):
        self.vis = visdom.Visdom()
        self.update_flag = False
        self.env = env
        self.opts = dict(title=title, xlabel=xlabel, ylabel=ylabel)

    def __call__(self, xdata, ydata):
        if not self.update_flag:
            self.win = self.vis.line(X=np.array([xdata]), Y=np.array([ydata]), opts=self.opts, env=self.env)
            self.update_flag = True
        else:
            self.vis.line(X=np.array([xdata]), Y=np.array([ydata]), win=self.win, env=self.env, update="append")
