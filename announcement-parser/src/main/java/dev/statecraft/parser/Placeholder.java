package dev.statecraft.parser;
class Placeholder {}
