"""Feature encoding shared by training and prediction."""


def encode_embarked(df):
    df["Embarked"] = df["Embarked"].fillna("S")
    port = df["Embarked"]
    df["Embarked"] = port.map({"S": 0, "C": 1, "Q": 2})
    return df


def encode_cabin_deck(df):
    deck = df["Cabin"].fillna("U").str[0]
    df["Deck"] = deck.replace({"A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "U": 0})
    return df
