import configparser

config = configparser.ConfigParser()
config.read('./config.conf')

default_config = config['DEFAULT']
