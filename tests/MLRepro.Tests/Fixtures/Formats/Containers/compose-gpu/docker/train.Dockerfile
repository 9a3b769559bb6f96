FROM python:3.10
