"""Encryption at rest: personal fields and stored files sealed with AES-256-GCM, exact-match search through
keyed hashes (blind indexes), and key rotation.

Keys live in a key file (or the environment), never in the database or the storage they protect.
"""

from hireloop.crypto.fields import EncryptedJSON, EncryptedText, blind_index, decrypt_text, encrypt_text
from hireloop.crypto.keys import KeyRing, KeysMissing, current_keyring

__all__ = ["EncryptedJSON", "EncryptedText", "KeyRing", "KeysMissing", "blind_index", "current_keyring",
           "decrypt_text", "encrypt_text"]
