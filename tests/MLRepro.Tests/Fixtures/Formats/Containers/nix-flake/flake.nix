{
  description = "reproducible dev shell";
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-23.11";
  outputs = { self, nixpkgs }: let
    pkgs = import nixpkgs { system = "x86_64-linux"; config.allowUnfree = true; config.cudaSupport = true; };
  in {
    devShells.x86_64-linux.default = pkgs.mkShell {
      packages = [ (pkgs.python311.withPackages (ps: [ ps.numpy ps.torch ])) pkgs.cudaPackages.cudatoolkit ];
    };
  };
}
