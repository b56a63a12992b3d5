"""Help for the shopper: the claim and the messages explained in their language, the guide."""
