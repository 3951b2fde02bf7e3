mod body;
mod signatures;
